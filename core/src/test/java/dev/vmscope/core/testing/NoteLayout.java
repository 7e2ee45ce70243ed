package dev.vmscope.core.testing;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the fields of a register-carrying note sit, as its producer's C structure lays them out. A
 * register the spec does not name is filled with the ASCII of its name, so a reader that takes a
 * register from a wrong offset shows another register's name at once.
 *
 * @param title the structure, for messages
 * @param size  the structure's size in bytes
 */
public record NoteLayout(String title, int size, List<Slot> slots) {

    /**
     * @param register whether an unnamed value defaults to the ASCII of the name (registers) or to zero
     *                 (pids, version and size words)
     */
    public record Slot(String name, int offset, int width, boolean register) {
    }

    public NoteLayout {
        slots = List.copyOf(slots);
        Set<String> fills = new HashSet<>();
        for (Slot s : slots) {
            if (s.offset() + s.width() > size) {
                throw new IllegalArgumentException(title + ": " + s.name() + " runs past the structure");
            }
            if (s.register() && !fills.add(new String(ascii(s.name(), s.width()), StandardCharsets.ISO_8859_1))) {
                throw new IllegalArgumentException(title + ": default fill of " + s.name() + " is not unique");
            }
        }
    }

    /**
     * The default bytes of a register: its name in ASCII, NUL-padded to the width. A name longer than the
     * width is shortened to its first part and the initials of the others ({@code cs_limit} → {@code csl},
     * {@code kernel_gs_base} → {@code kernelgb}), then cut to the width.
     */
    public static byte[] ascii(String name, int width) {
        String text = name;
        if (text.length() > width && text.contains("_")) {
            String[] parts = text.split("_");
            StringBuilder b = new StringBuilder(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                b.append(parts[i].charAt(0));
            }
            text = b.toString();
        }
        byte[] out = new byte[width];
        byte[] chars = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(chars, 0, out, 0, Math.min(width, chars.length));
        return out;
    }

    /** The value a reader decodes from a register left at its default, in the given byte order. */
    public static long asciiValue(String name, int width, ByteOrder order) {
        return ByteWriter.read(ascii(name, width), 0, width, order);
    }

    /** The value a reader decodes for a register of this layout left at its default. */
    public long defaultValue(String name, ByteOrder order) {
        Slot s = slot(name);
        return s.register() ? asciiValue(name, s.width(), order) : 0;
    }

    public Slot slot(String name) {
        return slots.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no field '" + name + "' in " + title + " (known: "
                        + slots.stream().map(Slot::name).collect(Collectors.joining(" ")) + ")"));
    }

    /** The structure's bytes with the given values and every other register at its default. */
    public byte[] encode(Map<String, Long> values, ByteOrder order) {
        values.keySet().forEach(this::slot);
        byte[] out = new byte[size];
        for (Slot s : slots) {
            Long v = values.get(s.name());
            if (v != null) {
                ByteWriter.put(out, s.offset(), s.width(), v, order, title + " " + s.name());
            } else if (s.register()) {
                System.arraycopy(ascii(s.name(), s.width()), 0, out, s.offset(), s.width());
            }
        }
        return out;
    }
}
