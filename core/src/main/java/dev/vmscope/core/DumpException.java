package dev.vmscope.core;

/**
 * Every problem vmscope reports about a source. The message is complete on its own: it names the
 * file, the place and what was expected, so the CLI and the GUI show it as it is.
 */
public sealed abstract class DumpException extends RuntimeException
        permits DumpFormatException, UnsupportedDumpException, DumpIoException, MemoryAccessException {

    protected DumpException(String message, Throwable cause) {
        super(message, cause);
    }

    protected DumpException(String message) {
        super(message);
    }
}
