package dev.vmscope.app.logging;

import java.util.function.Supplier;

/**
 * elf4j's message conventions: each {@code {}} in a template takes the next argument; an argument that is a
 * {@link Supplier} is asked for its value only now (so it costs nothing when the level is off); arguments
 * beyond the placeholders are ignored and placeholders beyond the arguments stay as written; {@code null}
 * reads "null".
 */
final class MessageTemplate {
    private static final String PLACEHOLDER = "{}";

    private MessageTemplate() {
    }

    /** The template with its placeholders filled in. */
    static String format(String template, Object... arguments) {
        if (template == null) {
            return "null";
        }
        if (arguments == null || arguments.length == 0 || !template.contains(PLACEHOLDER)) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 16 * arguments.length);
        int next = 0;
        int from = 0;
        int at = template.indexOf(PLACEHOLDER);
        while (at >= 0 && next < arguments.length) {
            out.append(template, from, at).append(render(arguments[next++]));
            from = at + PLACEHOLDER.length();
            at = template.indexOf(PLACEHOLDER, from);
        }
        return out.append(template, from, template.length()).toString();
    }

    /**
     * The text of one message or argument. A supplier or {@code toString} that fails does not take the
     * caller down with it: the failure is written in place of the value.
     */
    static String render(Object value) {
        try {
            Object resolved = value instanceof Supplier<?> supplier ? supplier.get() : value;
            return String.valueOf(resolved);
        } catch (RuntimeException e) {
            return "<" + e + ">";
        }
    }
}
