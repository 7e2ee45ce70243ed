package dev.vmscope.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link DumpSpec} from text. {@code #} starts a comment (outside quotes); a line starting with
 * {@code @} opens a section, and the lines after it are its body:
 *
 * <pre>
 * &#64;elf class=64 machine=x86_64 [data=lsb|msb] [type=core|N] [align=N] [xnum=yes]
 * &#64;load paddr=A memsz=N [filesz=N] [vaddr=A] [fill=B]      one PT_LOAD; no body
 * &#64;memory [width=8|4]                                   body: ADDR: DATA   # what it is
 * &#64;prstatus [pid=N]                                     body: name=value ... (registers)
 * &#64;qemu [size=N] [length=N] [version=N]                 body: name=value ... (registers, cr0–cr4)
 * &#64;vmcoreinfo                                           body: KEY=VALUE lines, as the kernel writes them
 * &#64;note name=S type=N                                   body: DATA lines, concatenated
 * </pre>
 *
 * DATA is a number (in {@code @memory} only, written in the section's width), {@code u8|u16|u32|u64 N...},
 * {@code bytes HEX...}, or a quoted string with {@code \n \t \0 \\ \" \xNN} escapes. Numbers are decimal,
 * or hex with {@code 0x}, and may be negative. Registers not named read as the ASCII of their names.
 */
public final class DumpSpecParser {
    private static final Map<String, Set<String>> PARAMS = Map.of(
            "elf", Set.of("class", "machine", "data", "type", "align", "xnum"),
            "load", Set.of("paddr", "memsz", "filesz", "vaddr", "fill"),
            "memory", Set.of("width"),
            "prstatus", Set.of("pid", "ppid", "pgrp", "sid", "signo", "cursig", "fpvalid"),
            "qemu", Set.of("size", "length", "version"),
            "vmcoreinfo", Set.of(),
            "note", Set.of("name", "type"));

    private final String origin;
    private final DumpSpecBuilder builder = DumpSpec.builder();
    private final Section section = new Section();
    private int lineNo;
    private boolean sawElf;

    private DumpSpecParser(String origin) {
        this.origin = origin;
    }

    /** Parses spec text; {@code origin} names it in messages ({@code name:line: problem}). */
    public static DumpSpec parse(String text, String origin) {
        return new DumpSpecParser(origin).run(text);
    }

    /** Parses a spec from the test class path, e.g. {@code /dev/vmscope/core/xlat/x86_64-walk.spec}. */
    public static DumpSpec resource(String path) {
        try (InputStream in = DumpSpecParser.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), path.substring(path.lastIndexOf('/') + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DumpSpec run(String text) {
        List<String> lines = text.lines().toList();
        try {
            for (lineNo = 1; lineNo <= lines.size(); lineNo++) {
                String raw = lines.get(lineNo - 1);
                String line = SpecValues.stripComment(raw).strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (line.startsWith("@")) {
                    finishSection();
                    openSection(line.substring(1));
                } else {
                    bodyLine(line, SpecValues.comment(raw));
                }
            }
            finishSection();
            if (!sawElf) {
                throw new IllegalArgumentException("no @elf line");
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + ":" + Math.min(lineNo, lines.size()) + ": " + e.getMessage(), e);
        }
    }

    private void openSection(String header) {
        String[] tokens = header.split("\\s+");
        String kind = tokens[0];
        Set<String> allowed = PARAMS.get(kind);
        if (allowed == null) {
            throw new IllegalArgumentException("unknown section @" + kind + " (known: " + String.join(" ", PARAMS.keySet()) + ")");
        }
        if (!sawElf && !kind.equals("elf")) {
            throw new IllegalArgumentException("the first section must be @elf");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 1; i < tokens.length; i++) {
            int eq = tokens[i].indexOf('=');
            if (eq <= 0 || !allowed.contains(tokens[i].substring(0, eq))) {
                throw new IllegalArgumentException("@" + kind + " takes " + allowed + ", not '" + tokens[i] + "'");
            }
            params.put(tokens[i].substring(0, eq), tokens[i].substring(eq + 1));
        }
        section.open(kind, params);
        switch (kind) {
            case "elf" -> elf(params);
            case "load" -> load(params);
            default -> { }
        }
    }

    private void elf(Map<String, String> p) {
        if (sawElf) {
            throw new IllegalArgumentException("a second @elf line");
        }
        sawElf = true;
        builder.elf((int) SpecValues.number(p.getOrDefault("class", "64")), SpecValues.machine(p.getOrDefault("machine", "x86_64")));
        builder.order(switch (p.getOrDefault("data", "lsb")) {
            case "lsb" -> ByteOrder.LITTLE_ENDIAN;
            case "msb" -> ByteOrder.BIG_ENDIAN;
            default -> throw new IllegalArgumentException("data= takes lsb or msb");
        });
        String type = p.getOrDefault("type", "core");
        builder.type(type.equals("core") ? DumpSpec.ET_CORE : (int) SpecValues.number(type));
        builder.align((int) SpecValues.number(p.getOrDefault("align", "8")));
        if (SpecValues.yes(p.getOrDefault("xnum", "no"))) {
            builder.extendedNumbering();
        }
    }

    private void load(Map<String, String> p) {
        long memsz = SpecValues.number(required(p, "memsz"));
        builder.load(new DumpSpec.Load(SpecValues.number(required(p, "paddr")), SpecValues.number(p.getOrDefault("vaddr", "0")),
                memsz, p.containsKey("filesz") ? SpecValues.number(p.get("filesz")) : memsz,
                (byte) SpecValues.number(p.getOrDefault("fill", "0"))));
    }

    private void bodyLine(String line, String comment) {
        String where = origin + ":" + lineNo + (comment.isEmpty() ? "" : " " + comment);
        switch (section.kind) {
            case "memory" -> {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("expected 'ADDRESS: DATA', found '" + line + "'");
                }
                int width = (int) SpecValues.number(section.params.getOrDefault("width", builder.elfClass() == 64 ? "8" : "4"));
                builder.bytes(SpecValues.number(line.substring(0, colon).strip()),
                        SpecValues.data(line.substring(colon + 1).strip(), width, builder.order()), where);
            }
            case "prstatus" -> section.fields(line, NoteLayouts.prstatus(builder.machine()));
            case "qemu" -> section.fields(line, NoteLayouts.QEMU_CPU_STATE);
            case "vmcoreinfo" -> section.text.append(line).append('\n');
            case "note" -> section.data.writeBytes(SpecValues.data(line, 0, builder.order()));
            default -> throw new IllegalArgumentException("@" + section.kind + " has no body lines");
        }
    }

    private void finishSection() {
        if (section.kind == null) {
            return;
        }
        Map<String, String> p = section.params;
        switch (section.kind) {
            case "prstatus" -> {
                Map<String, Long> fields = new LinkedHashMap<>();
                p.forEach((k, v) -> fields.put(k, SpecValues.number(v)));
                fields.putAll(section.fields);
                builder.prstatus(fields);
            }
            case "qemu" -> {
                int size = (int) SpecValues.number(p.getOrDefault("size", Integer.toString(NoteLayouts.QEMU_CPU_STATE.size())));
                Map<String, Long> fields = new LinkedHashMap<>(section.fields);
                fields.put("version", SpecValues.number(p.getOrDefault("version", "1")));
                fields.put("size", (long) size);
                builder.qemu(fields, (int) SpecValues.number(p.getOrDefault("length", Integer.toString(size))));
            }
            case "vmcoreinfo" -> builder.note("VMCOREINFO", 0, section.text.toString().getBytes(StandardCharsets.ISO_8859_1));
            case "note" -> builder.note(required(p, "name"), SpecValues.number(required(p, "type")), section.data.toByteArray());
            default -> { }
        }
        section.kind = null;
    }

    private static String required(Map<String, String> params, String name) {
        String v = params.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing " + name + "=");
        }
        return v;
    }

    /** The section being read and what its body has given so far. */
    private static final class Section {
        String kind;
        Map<String, String> params = Map.of();
        final Map<String, Long> fields = new LinkedHashMap<>();
        final StringBuilder text = new StringBuilder();
        final java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();

        void open(String k, Map<String, String> p) {
            kind = k;
            params = p;
            fields.clear();
            text.setLength(0);
            data.reset();
        }

        void fields(String line, NoteLayout layout) {
            for (String token : line.split("\\s+")) {
                int eq = token.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("expected name=value, found '" + token + "'");
                }
                String name = token.substring(0, eq);
                layout.slot(name);
                fields.put(name, SpecValues.number(token.substring(eq + 1)));
            }
        }
    }
}
