package dev.vmscope.views.teach;

import dev.vmscope.core.Hex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads a lesson file: {@code key: value} lines, {@code #} comments, one {@code walk:} line per address.
 *
 * <pre>
 * title: i386: two levels of 1024 entries
 * mode: x86-32
 * root: 0x1000
 * dump: lessons/x86-32/x86-32.vmcore
 * text: lessons/x86-32/lesson.md
 * walk: 0xc0101234 a 4 KiB page of kernel data
 * walk: 0x400000 root=0x5000000 the process's code page
 * </pre>
 */
public final class LessonFile {
    private static final Set<String> KEYS = Set.of("title", "mode", "root", "dump", "text");

    private LessonFile() {
    }

    /** Parses lesson {@code id}; problems name {@code origin} and the line. */
    public static Lesson parse(String id, String text, String origin) {
        Map<String, String> values = new HashMap<>();
        List<Lesson.Walk> walks = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String key = colon < 0 ? "" : line.substring(0, colon).strip();
            String value = colon < 0 ? "" : line.substring(colon + 1).strip();
            try {
                if (key.equals("walk")) {
                    walks.add(walk(value));
                } else if (KEYS.contains(key)) {
                    values.put(key, value);
                } else {
                    throw new IllegalArgumentException("expected one of " + KEYS + " or walk, found '" + line + "'");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(origin + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        for (String k : KEYS) {
            if (!values.containsKey(k)) {
                throw new IllegalArgumentException(origin + ": missing '" + k + ":'");
            }
        }
        return new Lesson(id, values.get("title"), values.get("mode"), Hex.parse(values.get("root")),
                values.get("dump"), values.get("text"), walks);
    }

    private static Lesson.Walk walk(String value) {
        String[] parts = value.split("\\s+", 2);
        long va = Hex.parse(parts[0]);
        String rest = parts.length > 1 ? parts[1] : "";
        OptionalLong root = OptionalLong.empty();
        if (rest.startsWith("root=")) {
            String[] r = rest.split("\\s+", 2);
            root = OptionalLong.of(Hex.parse(r[0].substring("root=".length())));
            rest = r.length > 1 ? r[1] : "";
        }
        return new Lesson.Walk(va, root, rest);
    }
}
