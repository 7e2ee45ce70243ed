package dev.vmscope.core;

/** A well-formed source that uses a feature vmscope does not have (reported apart from corruption). */
public final class UnsupportedDumpException extends DumpException {
    public UnsupportedDumpException(String file, long offset, String what) {
        super("unsupported: " + what + " (" + file + ", offset " + Hex.of(offset) + ")");
    }
}
