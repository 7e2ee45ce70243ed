package dev.vmscope.core.testing;

/**
 * x86-64 paging-structure entry bits (Intel SDM vol. 3, tables 4-15 to 4-20) and the combinations
 * Linux uses ({@code arch/x86/include/asm/pgtable_types.h}), for writing page tables in Java.
 */
public final class X86Pte {
    public static final long P = 1L;
    public static final long RW = 1L << 1;
    public static final long US = 1L << 2;
    public static final long PWT = 1L << 3;
    public static final long PCD = 1L << 4;
    public static final long A = 1L << 5;
    public static final long D = 1L << 6;
    /** Page size in a PDPTE or PDE; PAT in a PTE. */
    public static final long PS = 1L << 7;
    public static final long G = 1L << 8;
    /** PAT in a 1 GiB or 2 MiB page entry. */
    public static final long PAT_LARGE = 1L << 12;
    public static final long XD = 1L << 63;

    /** Linux {@code _KERNPG_TABLE}: a kernel table pointer, P RW A D. */
    public static final long KERNEL_TABLE = P | RW | A | D;
    /** Linux {@code _PAGE_TABLE}: a table pointer user space may pass through, P RW US A D. */
    public static final long USER_TABLE = P | RW | US | A | D;
    /** Linux {@code __PAGE_KERNEL}: kernel data, P RW A D G XD. */
    public static final long KERNEL_DATA = P | RW | A | D | G | XD;
    /** Linux {@code __PAGE_KERNEL_RO}: kernel read-only data, P A D G XD. */
    public static final long KERNEL_RO = P | A | D | G | XD;
    /** Linux {@code __PAGE_KERNEL_ROX}: kernel text, P A D G. */
    public static final long KERNEL_TEXT = P | A | D | G;

    private X86Pte() {
    }
}
