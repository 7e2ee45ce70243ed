package dev.vmscope.core.format.convert;

import dev.vmscope.core.Architecture;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The layout of an ELF vmcore as the kernel's /proc/vmcore and crash expect it: ELF header, program
 * headers (the one PT_NOTE first, then a PT_LOAD per run of memory, in address order), the notes, then
 * the segments' bytes one after the other from a page-aligned offset. {@code p_paddr} is the address
 * in the dump's space, {@code p_vaddr} 0 (the kernel's virtual addresses are for the reader to work
 * out). More than 65,534 program headers are counted through section header 0 ({@code PN_XNUM}).
 */
final class ElfVmcoreLayout {
    private static final int PT_LOAD = 1;
    private static final int PT_NOTE = 4;
    private static final int PF_RWX = 7;
    private static final int PN_XNUM = 0xffff;
    private static final int DATA_ALIGN = 4096;
    /** Headers and notes are built in one array; a dump fragmented beyond this is refused, not allocated. */
    static final long MAX_HEAD = 1L << 30;

    /** One PT_LOAD: memory {@code [start, start + memSize)}, its first {@code fileSize} bytes at {@code fileOffset}. */
    record Load(long start, long memSize, long fileSize, long fileOffset) {
    }

    private final boolean is64;
    private final Architecture arch;
    private final byte[] notes;
    private final List<Load> loads;
    private final List<PageStream.Span> spans;
    private final long dataStart;
    private final long fileSize;

    private ElfVmcoreLayout(boolean is64, Architecture arch, byte[] notes, List<Load> loads, List<PageStream.Span> spans,
                            long dataStart, long fileSize) {
        this.is64 = is64;
        this.arch = arch;
        this.notes = notes;
        this.loads = List.copyOf(loads);
        this.spans = List.copyOf(spans);
        this.dataStart = dataStart;
        this.fileSize = fileSize;
    }

    static ElfVmcoreLayout plan(Architecture arch, byte[] notes, List<MemoryPlan.Run> runs, ConvertOptions.ElfClass wanted) {
        ElfVmcoreLayout as64 = lay(true, arch, notes, runs);
        boolean fits32 = as64.fileSize <= 0xffffffffL && runs.stream()
                .allMatch(r -> Long.compareUnsigned(r.end() - 1, 0xffffffffL) <= 0 && r.end() != 0);
        return switch (wanted) {
            case ELF64 -> as64;
            case ELF32 -> {
                if (!fits32) {
                    throw new IllegalArgumentException("the memory or the file does not fit in 32 bits: ELF32 cannot hold it, use ELF64");
                }
                yield lay(false, arch, notes, runs);
            }
            case AUTO -> arch.pointerSize() == 4 && fits32 ? lay(false, arch, notes, runs) : as64;
        };
    }

    private static ElfVmcoreLayout lay(boolean is64, Architecture arch, byte[] notes, List<MemoryPlan.Run> runs) {
        long phnum = runs.size() + 1L;
        long headers = (is64 ? 64 : 52) + phnum * (is64 ? 56 : 32) + (phnum >= PN_XNUM ? (is64 ? 64 : 40) : 0);
        if (headers + notes.length > MAX_HEAD) {
            throw new IllegalArgumentException(runs.size() + " separate runs of memory would need more than "
                    + (MAX_HEAD >> 20) + " MiB of program headers; write excluded pages as zeros, or a raw image");
        }
        long dataStart = (headers + notes.length + DATA_ALIGN - 1) / DATA_ALIGN * DATA_ALIGN;
        List<Load> loads = new ArrayList<>();
        List<PageStream.Span> spans = new ArrayList<>();
        long at = dataStart;
        for (MemoryPlan.Run r : runs) {
            long fileBytes = r.dataEnd() - r.start();
            loads.add(new Load(r.start(), r.end() - r.start(), fileBytes, at));
            spans.addAll(r.spans());
            at += fileBytes;
        }
        return new ElfVmcoreLayout(is64, arch, notes, loads, spans, dataStart, at);
    }

    boolean is64() {
        return is64;
    }

    List<Load> loads() {
        return loads;
    }

    /** The memory to stream, in file order, starting at {@link #dataStart()}. */
    List<PageStream.Span> spans() {
        return spans;
    }

    long dataStart() {
        return dataStart;
    }

    long fileSize() {
        return fileSize;
    }

    /** Everything before the segments' bytes: headers and notes, zero-padded to {@link #dataStart()}. */
    byte[] head() {
        long phnum = loads.size() + 1L;
        boolean xnum = phnum >= PN_XNUM;
        int ehsize = is64 ? 64 : 52;
        int phent = is64 ? 56 : 32;
        int shent = is64 ? 64 : 40;
        long phEnd = ehsize + phnum * phent;
        long notesAt = phEnd + (xnum ? shent : 0);
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(dataStart)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', (byte) (is64 ? 2 : 1), 1, 1, 0});
        b.position(16);
        b.putShort((short) 4).putShort((short) arch.elfMachine()).putInt(1);
        word(b, 0);                               // e_entry
        word(b, ehsize);                          // e_phoff
        word(b, xnum ? phEnd : 0);                // e_shoff
        b.putInt(0).putShort((short) ehsize).putShort((short) phent);
        b.putShort((short) (xnum ? PN_XNUM : phnum)).putShort((short) (xnum ? shent : 0));
        b.putShort((short) (xnum ? 1 : 0)).putShort((short) 0);
        phdr(b, PT_NOTE, 0, notesAt, 0, notes.length, notes.length);
        for (Load l : loads) {
            phdr(b, PT_LOAD, PF_RWX, l.fileOffset(), l.start(), l.fileSize(), l.memSize());
        }
        if (xnum) {
            sectionZero(b, phnum);
        }
        b.position(Math.toIntExact(notesAt));
        b.put(notes);
        return b.array();
    }

    private void word(ByteBuffer b, long v) {
        if (is64) {
            b.putLong(v);
        } else {
            b.putInt((int) v);
        }
    }

    private void phdr(ByteBuffer b, int type, int flags, long offset, long paddr, long filesz, long memsz) {
        b.putInt(type);
        if (is64) {
            b.putInt(flags).putLong(offset).putLong(0).putLong(paddr).putLong(filesz).putLong(memsz).putLong(0);
        } else {
            b.putInt((int) offset).putInt(0).putInt((int) paddr).putInt((int) filesz).putInt((int) memsz)
                    .putInt(flags).putInt(0);
        }
    }

    /** Section header 0 of a file with PN_XNUM program headers: the real count in {@code sh_info}. */
    private void sectionZero(ByteBuffer b, long phnum) {
        b.putInt(0).putInt(0);                    // sh_name, sh_type (SHT_NULL)
        word(b, 0);                               // sh_flags
        word(b, 0);                               // sh_addr
        word(b, 0);                               // sh_offset
        word(b, 0);                               // sh_size
        b.putInt(0).putInt((int) phnum);          // sh_link, sh_info
        word(b, 0);                               // sh_addralign
        word(b, 0);                               // sh_entsize
    }
}
