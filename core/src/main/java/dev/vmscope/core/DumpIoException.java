package dev.vmscope.core;

import java.io.IOException;

/** The operating system refused a read or an open. */
public final class DumpIoException extends DumpException {
    public DumpIoException(String file, String what, IOException cause) {
        super(what + " (" + file + ": " + describe(cause) + ")", cause);
    }

    private static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        return switch (name) {
            case "NoSuchFileException" -> "no such file";
            case "AccessDeniedException" -> "permission denied";
            case "FileSystemException" -> e.getMessage() == null ? "file system error" : e.getMessage();
            default -> e.getMessage() == null ? name : e.getMessage();
        };
    }
}
