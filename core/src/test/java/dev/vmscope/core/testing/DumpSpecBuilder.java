package dev.vmscope.core.testing;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link DumpSpec} from Java code. Starts as a little-endian ELF64 x86-64 core with 8-byte
 * alignment; every method returns the builder.
 *
 * <pre>{@code
 * byte[] elf = ElfCoreWriter.write(DumpSpec.builder()
 *         .load(0x0, 0x100000, 0x3000)
 *         .u64(0x1000, 0x2003, "PML4[0] -> PDPT at 0x2000, P RW")
 *         .qemu(Map.of("cr3", 0x1000L))
 *         .build()).bytes();
 * }</pre>
 */
public final class DumpSpecBuilder {
    private int elfClass = 64;
    private int machine = DumpSpec.EM_X86_64;
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    private int type = DumpSpec.ET_CORE;
    private int align = 8;
    private boolean extendedNumbering;
    private final List<DumpSpec.Load> loads = new ArrayList<>();
    private final List<DumpSpec.Poke> pokes = new ArrayList<>();
    private final List<NoteSpec> notes = new ArrayList<>();

    DumpSpecBuilder() {
    }

    /** Class (32 or 64) and machine ({@link DumpSpec#EM_X86_64}, ...). */
    public DumpSpecBuilder elf(int elfClass, int machine) {
        this.elfClass = elfClass;
        this.machine = machine;
        return this;
    }

    public DumpSpecBuilder order(ByteOrder byteOrder) {
        this.order = byteOrder;
        return this;
    }

    /** The ELF {@code e_type} (a core is 4; anything else is for testing readers). */
    public DumpSpecBuilder type(int elfType) {
        this.type = elfType;
        return this;
    }

    /** File alignment of each PT_LOAD's data. */
    public DumpSpecBuilder align(int bytes) {
        this.align = bytes;
        return this;
    }

    /** Writes {@code e_phnum = PN_XNUM} and the real count in section header 0's {@code sh_info}. */
    public DumpSpecBuilder extendedNumbering() {
        this.extendedNumbering = true;
        return this;
    }

    /** RAM at {@code paddr}, all of it in the file. */
    public DumpSpecBuilder load(long paddr, long memSize) {
        return load(paddr, memSize, memSize);
    }

    /** RAM at {@code paddr} whose first {@code fileSize} bytes are in the file and the rest reads as zero. */
    public DumpSpecBuilder load(long paddr, long memSize, long fileSize) {
        return load(new DumpSpec.Load(paddr, 0, memSize, fileSize, (byte) 0));
    }

    public DumpSpecBuilder load(DumpSpec.Load segment) {
        loads.add(segment);
        return this;
    }

    /** An 8-byte value, in the dump's byte order, at a physical address. */
    public DumpSpecBuilder u64(long address, long value, String comment) {
        return bytes(address, ByteWriter.of(value, 8, order), comment);
    }

    /** A 4-byte value, in the dump's byte order, at a physical address. */
    public DumpSpecBuilder u32(long address, long value, String comment) {
        return bytes(address, ByteWriter.of(value, 4, order), comment);
    }

    /** ASCII text (no terminating NUL unless the text has one) at a physical address. */
    public DumpSpecBuilder ascii(long address, String text, String comment) {
        return bytes(address, text.getBytes(StandardCharsets.ISO_8859_1), comment);
    }

    public DumpSpecBuilder bytes(long address, byte[] data, String comment) {
        pokes.add(new DumpSpec.Poke(address, data, comment));
        return this;
    }

    /** A CORE/NT_PRSTATUS note: registers and {@code pid}; unnamed registers read as their names. */
    public DumpSpecBuilder prstatus(Map<String, Long> fields) {
        notes.add(new NoteSpec.Prstatus(fields));
        return this;
    }

    /** A version-1 QEMU CPU-state note of full size; unnamed registers read as their names. */
    public DumpSpecBuilder qemu(Map<String, Long> registers) {
        return qemu(registers, NoteLayouts.QEMU_CPU_STATE.size());
    }

    /** A QEMU CPU-state note of {@code length} bytes, its {@code size} word saying so unless given. */
    public DumpSpecBuilder qemu(Map<String, Long> registers, int length) {
        Map<String, Long> fields = new LinkedHashMap<>();
        fields.put("version", 1L);
        fields.put("size", (long) length);
        fields.putAll(registers);
        notes.add(new NoteSpec.QemuCpuState(fields, length));
        return this;
    }

    /** A VMCOREINFO note of these lines, each ended by a newline. */
    public DumpSpecBuilder vmcoreinfo(String... lines) {
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            b.append(l).append('\n');
        }
        notes.add(new NoteSpec.VmcoreInfoText(b.toString()));
        return this;
    }

    public DumpSpecBuilder note(String name, long noteType, byte[] descriptor) {
        notes.add(new NoteSpec.Raw(name, noteType, descriptor));
        return this;
    }

    public ByteOrder order() {
        return order;
    }

    public int elfClass() {
        return elfClass;
    }

    public int machine() {
        return machine;
    }

    public DumpSpec build() {
        return new DumpSpec(new DumpSpec.Elf(elfClass, machine, order, type, align, extendedNumbering),
                loads, pokes, notes);
    }
}
