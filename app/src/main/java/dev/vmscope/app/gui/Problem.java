package dev.vmscope.app.gui;

import dev.vmscope.core.DumpException;
import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Hex;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a source could not be opened, in words for a person: the exception's own complete message and,
 * for a damaged file, its parts (file, offset, structure, what was expected). Never a stack trace.
 *
 * @param summary one sentence for the dialog's header
 * @param message the whole message, as the command line would print it
 * @param details name and value pairs, possibly none
 */
public record Problem(String summary, String message, List<Detail> details) {

    /** One named part of a problem. */
    public record Detail(String name, String value) {
    }

    public Problem {
        details = List.copyOf(details);
    }

    public static Problem of(Throwable t) {
        return switch (t) {
            case DumpFormatException f -> new Problem("The file is damaged or is not a dump vmscope can read.",
                    f.getMessage(), List.of(new Detail("file", f.file()), new Detail("offset", Hex.of(f.offset())),
                            new Detail("structure", f.structure()), new Detail("expected", f.expected())));
            case DumpException d -> new Problem(summaryOf(d), d.getMessage(), List.of());
            case UncheckedIOException u -> new Problem("The source could not be read.", words(u), List.of());
            default -> new Problem("Something unexpected went wrong; the log has the details.",
                    t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()), List.of());
        };
    }

    private static String summaryOf(DumpException d) {
        return switch (d) {
            case dev.vmscope.core.UnsupportedDumpException u -> "The dump uses something vmscope does not read yet.";
            case dev.vmscope.core.DumpIoException io -> "The source could not be read.";
            default -> "The dump could not be read.";
        };
    }

    private static String words(UncheckedIOException u) {
        List<String> parts = new ArrayList<>();
        if (u.getMessage() != null) {
            parts.add(u.getMessage());
        }
        if (u.getCause() != null && u.getCause().getMessage() != null && !u.getCause().getMessage().equals(u.getMessage())) {
            parts.add(u.getCause().getMessage());
        }
        return String.join(": ", parts);
    }
}
