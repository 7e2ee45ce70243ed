package dev.vmscope.core.kernel;

/**
 * VMCOREINFO states a value that no kernel of the dump's architecture can have (an AArch64 granule of
 * 64 bytes, a 70-bit address space): the dump's memory is still there, but its kernel cannot be walked.
 * The session opens without a kernel and says why.
 */
public final class ImpossibleKernelException extends RuntimeException {
    public ImpossibleKernelException(String what) {
        super(what);
    }
}
