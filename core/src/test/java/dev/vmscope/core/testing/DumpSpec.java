package dev.vmscope.core.testing;

import java.nio.ByteOrder;
import java.util.List;
import java.util.Objects;

/**
 * An ELF core dump described as data: the ELF identity, the PT_LOAD segments of memory, the bytes
 * written into that memory, and the notes. {@link ElfCoreWriter} turns it into the bytes of a file;
 * {@link DumpSpecParser} reads it from text and {@link DumpSpecBuilder} from Java code.
 *
 * @param elf   class, machine, byte order, type and file alignment of the segments' data
 * @param loads the PT_LOAD segments, in file order
 * @param pokes bytes written into the file part of the segments, later ones over earlier ones
 * @param notes the notes of the one PT_NOTE segment, in order
 */
public record DumpSpec(Elf elf, List<Load> loads, List<Poke> pokes, List<NoteSpec> notes) {

    /** ELF machine numbers from the System V ABI supplement of each architecture. */
    public static final int EM_386 = 3;
    public static final int EM_ARM = 40;
    public static final int EM_X86_64 = 62;
    public static final int EM_AARCH64 = 183;
    /** ELF file type of a core file. */
    public static final int ET_CORE = 4;

    public DumpSpec {
        Objects.requireNonNull(elf);
        loads = List.copyOf(loads);
        pokes = List.copyOf(pokes);
        notes = List.copyOf(notes);
    }

    public static DumpSpecBuilder builder() {
        return new DumpSpecBuilder();
    }

    /**
     * @param elfClass 32 or 64
     * @param align    file alignment of each PT_LOAD's data (1 packs them; 4096 lets a page be found at
     *                 {@code p_offset + (paddr - p_paddr)} with a page-aligned offset)
     * @param extendedNumbering write {@code e_phnum = PN_XNUM} and the real count in section header 0
     */
    public record Elf(int elfClass, int machine, ByteOrder order, int type, int align, boolean extendedNumbering) {
        public Elf {
            if (elfClass != 32 && elfClass != 64) {
                throw new IllegalArgumentException("ELF class must be 32 or 64, not " + elfClass);
            }
            if (align < 1 || Integer.bitCount(align) != 1) {
                throw new IllegalArgumentException("alignment must be a power of two, not " + align);
            }
        }

        public boolean is64() {
            return elfClass == 64;
        }

        /** Size of a pointer (and of {@code long}) on the dumped machine. */
        public int wordSize() {
            return is64() ? 8 : 4;
        }
    }

    /**
     * One PT_LOAD: {@code memSize} bytes of memory at {@code paddr}, of which the first {@code fileSize}
     * are stored in the file (initially all {@code fill}) and the rest read as zero.
     */
    public record Load(long paddr, long vaddr, long memSize, long fileSize, byte fill) {
        public Load {
            if (Long.compareUnsigned(fileSize, memSize) > 0) {
                throw new IllegalArgumentException("file size " + Long.toHexString(fileSize)
                        + " larger than memory size " + Long.toHexString(memSize));
            }
            if (fileSize < 0 || fileSize > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("file part of a test segment must be below 2 GiB");
            }
        }

        /** Whether {@code [address, address+length)} lies in the file part of this segment. */
        public boolean holdsInFile(long address, long length) {
            long from = address - paddr;
            return Long.compareUnsigned(address, paddr) >= 0 && Long.compareUnsigned(from, fileSize) <= 0
                    && length <= fileSize - from;
        }
    }

    /**
     * Bytes at a physical address.
     *
     * @param origin where the bytes were described, for messages (e.g. {@code walk.spec:12 PML4[0]})
     */
    public record Poke(long address, byte[] bytes, String origin) {
        public Poke {
            bytes = bytes.clone();
            Objects.requireNonNull(origin);
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }
}
