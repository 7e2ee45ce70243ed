package dev.vmscope.core.format.convert;

/**
 * What {@link DumpConverter} writes.
 *
 * @param target           an ELF vmcore or a raw image of physical (machine, for Xen) memory, or a flattened
 *                         kdump rearranged
 * @param zeroFillExcluded write pages that filtering excluded (and pages an incomplete dump never
 *                         wrote) as zeros instead of leaving them out
 * @param elfClass         for ELF: {@code AUTO} picks ELF32 for a 32-bit machine whose memory and file
 *                         fit in 32 bits, ELF64 otherwise
 * @param threads          threads that read (and decompress) pages
 */
public record ConvertOptions(Target target, boolean zeroFillExcluded, ElfClass elfClass, int threads) {

    /**
     * The file format written: an ELF vmcore, a raw image, or — from a flattened compressed kdump only —
     * the compressed kdump file its records stand for (what {@code makedumpfile -R} rearranges them into).
     */
    public enum Target { ELF, RAW, KDUMP }

    /** The ELF class of an ELF vmcore. */
    public enum ElfClass { AUTO, ELF32, ELF64 }

    public ConvertOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
    }

    public static ConvertOptions elf() {
        return new ConvertOptions(Target.ELF, false, ElfClass.AUTO, Runtime.getRuntime().availableProcessors());
    }

    public static ConvertOptions raw() {
        return new ConvertOptions(Target.RAW, false, ElfClass.AUTO, Runtime.getRuntime().availableProcessors());
    }

    public static ConvertOptions kdump() {
        return new ConvertOptions(Target.KDUMP, false, ElfClass.AUTO, Runtime.getRuntime().availableProcessors());
    }

    public ConvertOptions withZeroFillExcluded(boolean zeroFill) {
        return new ConvertOptions(target, zeroFill, elfClass, threads);
    }

    public ConvertOptions withElfClass(ElfClass c) {
        return new ConvertOptions(target, zeroFillExcluded, c, threads);
    }

    public ConvertOptions withThreads(int n) {
        return new ConvertOptions(target, zeroFillExcluded, elfClass, n);
    }
}
