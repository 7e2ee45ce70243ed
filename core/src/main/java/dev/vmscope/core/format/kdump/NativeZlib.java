package dev.vmscope.core.format.kdump;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.ref.Cleaner;
import java.util.Optional;

/**
 * Whole-page zlib decoding through the system's libdeflate (Debian's {@code libdeflate0}), which decodes a
 * buffer of known size about twice as fast as zlib's streaming inflate. Used when the library is there and
 * not turned off with {@code -Dvmscope.zlib=java}; a page it does not decode to exactly the size asked for
 * (corrupt data, a wrong checksum, a stream shorter or longer than a page) is left to {@link
 * java.util.zip.Inflater}, so what a page reads as, and how a bad page is reported, do not depend on it.
 * libdeflate is built to take untrusted input and never writes past the buffer it is given.
 */
final class NativeZlib {
    /** {@code LIBDEFLATE_SUCCESS}: the data decoded to exactly the bytes asked for. */
    private static final int SUCCESS = 0;
    private static final Cleaner CLEANER = Cleaner.create();
    private static final Optional<NativeZlib> INSTANCE = load();

    private final MethodHandle alloc;
    private final MethodHandle free;
    private final MethodHandle decompress;
    private final ThreadLocal<Decompressor> decompressors = ThreadLocal.withInitial(this::newDecompressor);

    /** One thread's decompressor; freed once its thread has gone and it is unreachable. */
    private record Decompressor(MemorySegment handle) {
    }

    private NativeZlib(SymbolLookup lib, Linker linker) {
        alloc = linker.downcallHandle(lib.findOrThrow("libdeflate_alloc_decompressor"),
                FunctionDescriptor.of(ValueLayout.ADDRESS));
        free = linker.downcallHandle(lib.findOrThrow("libdeflate_free_decompressor"),
                FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
        // critical: a short call that may read and write the Java arrays themselves, no copies
        decompress = linker.downcallHandle(lib.findOrThrow("libdeflate_zlib_decompress"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG,
                        ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS),
                Linker.Option.critical(true));
    }

    /** The library, when this system has it and it is not turned off. */
    static Optional<NativeZlib> get() {
        return INSTANCE;
    }

    private static Optional<NativeZlib> load() {
        if ("java".equals(System.getProperty("vmscope.zlib"))) {
            return Optional.empty();
        }
        try {
            SymbolLookup lib = SymbolLookup.libraryLookup("libdeflate.so.0", Arena.global());
            return Optional.of(new NativeZlib(lib, Linker.nativeLinker()));
        } catch (IllegalArgumentException | IllegalCallerException | UnsupportedOperationException | java.util.NoSuchElementException e) {
            // no libdeflate here (or native access is not allowed): Inflater does all the work
            return Optional.empty();
        }
    }

    private Decompressor newDecompressor() {
        try {
            MemorySegment handle = (MemorySegment) alloc.invokeExact();
            if (handle.equals(MemorySegment.NULL)) {
                throw new OutOfMemoryError("libdeflate_alloc_decompressor");
            }
            Decompressor d = new Decompressor(handle);
            MethodHandle release = free;
            CLEANER.register(d, () -> {
                try {
                    release.invokeExact(handle);
                } catch (Throwable t) {
                    throw new IllegalStateException(t);
                }
            });
            return d;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /**
     * Decodes the zlib stream {@code src[0, srcLength)} into exactly {@code dst[dstOffset, dstOffset + dstLength)}.
     *
     * @return whether it did; when not, {@code dst} may hold anything and the caller decodes another way
     */
    boolean decodeExactly(byte[] src, int srcLength, byte[] dst, int dstOffset, int dstLength) {
        MemorySegment in = MemorySegment.ofArray(src).asSlice(0, srcLength);
        MemorySegment out = MemorySegment.ofArray(dst).asSlice(dstOffset, dstLength);
        try {
            int result = (int) decompress.invokeExact(decompressors.get().handle(), in, (long) srcLength, out, (long) dstLength,
                    MemorySegment.NULL);
            return result == SUCCESS;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
