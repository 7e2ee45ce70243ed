package dev.vmscope.core.notes;

/** Owner names and type numbers of the notes found in kernel and hypervisor dumps. */
public final class NoteTypes {
    public static final String CORE = "CORE";
    public static final String LINUX = "LINUX";
    public static final String VMCOREINFO = "VMCOREINFO";
    public static final String VMCOREINFO_XEN = "VMCOREINFO_XEN";
    public static final String QEMU = "QEMU";
    public static final String XEN = "Xen";

    public static final long NT_PRSTATUS = 1;
    public static final long NT_PRFPREG = 2;
    public static final long NT_PRPSINFO = 3;
    public static final long NT_TASKSTRUCT = 4;
    public static final long NT_AUXV = 6;
    public static final long NT_ARM_VFP = 0x400;
    public static final long XEN_ELFNOTE_CRASH_INFO = 0x1000001;
    public static final long XEN_ELFNOTE_CRASH_REGS = 0x1000002;
    public static final long NT_XEN_KDUMP_CR3 = 0x10000001;

    private NoteTypes() {
    }

    public static String describe(String owner, long type) {
        return switch (owner) {
            case CORE, LINUX -> switch ((int) type) {
                case 1 -> "NT_PRSTATUS";
                case 2 -> "NT_PRFPREG";
                case 3 -> "NT_PRPSINFO";
                case 4 -> "NT_TASKSTRUCT";
                case 6 -> "NT_AUXV";
                case 0x400 -> "NT_ARM_VFP";
                default -> "0x" + Long.toHexString(type);
            };
            case XEN -> type == XEN_ELFNOTE_CRASH_INFO ? "XEN_ELFNOTE_CRASH_INFO"
                    : type == XEN_ELFNOTE_CRASH_REGS ? "XEN_ELFNOTE_CRASH_REGS"
                    : type == NT_XEN_KDUMP_CR3 ? "NT_XEN_KDUMP_CR3"
                    : "0x" + Long.toHexString(type);
            case VMCOREINFO, VMCOREINFO_XEN -> "VMCOREINFO text";
            case QEMU -> "QEMUCPUState";
            default -> "0x" + Long.toHexString(type);
        };
    }
}
