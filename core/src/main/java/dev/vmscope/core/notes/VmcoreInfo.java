package dev.vmscope.core.notes;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The kernel's VMCOREINFO text: {@code KEY=VALUE} lines. {@code SYMBOL()} and {@code KERNELOFFSET}
 * are hex without {@code 0x}; {@code NUMBER()} is signed decimal or {@code 0x} hex; {@code SIZE()},
 * {@code OFFSET()} and {@code LENGTH()} are decimal.
 *
 * @param origin where the text came from (a note, a file, a memory scan), for the info view
 */
public record VmcoreInfo(Map<String, String> entries, String origin) {

    public VmcoreInfo {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** Parses the text; lines without {@code =} and trailing NULs are ignored; the first value of a key wins. */
    public static VmcoreInfo parse(String text, String origin) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String l = line.replace("\0", "").strip();
            int eq = l.indexOf('=');
            if (eq > 0) {
                map.putIfAbsent(l.substring(0, eq), l.substring(eq + 1));
            }
        }
        return new VmcoreInfo(map, origin);
    }

    /**
     * Reads VMCOREINFO as saved in a file: the plain text (/sys/kernel/vmcoreinfo's note as crash's
     * --vmcoreinfo takes it, or the output of makedumpfile -g), or the raw note as read from memory
     * (an ELF note header naming VMCOREINFO, then the text).
     */
    public static VmcoreInfo fromFile(byte[] bytes, String origin) {
        int nameLength = 11;
        if (bytes.length >= 24 && dev.vmscope.core.io.Bytes.u32(bytes, 0, java.nio.ByteOrder.LITTLE_ENDIAN) == nameLength
                && new String(bytes, 12, 10, StandardCharsets.ISO_8859_1).equals("VMCOREINFO")) {
            long descsz = dev.vmscope.core.io.Bytes.u32(bytes, 4, java.nio.ByteOrder.LITTLE_ENDIAN);
            int from = 24;
            int to = (int) Math.min(bytes.length, from + descsz);
            return parse(java.util.Arrays.copyOfRange(bytes, from, to), origin + " (ELF note)");
        }
        return parse(bytes, origin);
    }

    public static VmcoreInfo parse(byte[] descriptor, String origin) {
        return parse(new String(descriptor, StandardCharsets.ISO_8859_1), origin);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public Optional<String> osRelease() {
        return get("OSRELEASE");
    }

    public OptionalLong pageSize() {
        return decimal("PAGESIZE");
    }

    public OptionalLong symbol(String name) {
        return hex("SYMBOL(" + name + ")");
    }

    public OptionalLong number(String name) {
        String v = entries.get("NUMBER(" + name + ")");
        if (v == null) {
            return OptionalLong.empty();
        }
        try {
            String t = v.strip();
            boolean negative = t.startsWith("-");
            String digits = negative ? t.substring(1) : t;
            long value = digits.startsWith("0x") || digits.startsWith("0X")
                    ? Long.parseUnsignedLong(digits.substring(2), 16)
                    : Long.parseUnsignedLong(digits);
            return OptionalLong.of(negative ? -value : value);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public OptionalLong size(String name) {
        return decimal("SIZE(" + name + ")");
    }

    public OptionalLong offset(String name) {
        return decimal("OFFSET(" + name + ")");
    }

    public OptionalLong length(String name) {
        return decimal("LENGTH(" + name + ")");
    }

    /** {@code KERNELOFFSET} (KASLR displacement of the kernel image), hex. */
    public OptionalLong kernelOffset() {
        return hex("KERNELOFFSET");
    }

    public boolean config(String option) {
        return "y".equals(entries.get("CONFIG_" + option));
    }

    public OptionalLong hex(String key) {
        String v = entries.get(key);
        if (v == null) {
            return OptionalLong.empty();
        }
        try {
            String t = v.strip();
            if (t.startsWith("0x") || t.startsWith("0X")) {
                t = t.substring(2);
            }
            return OptionalLong.of(Long.parseUnsignedLong(t, 16));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private OptionalLong decimal(String key) {
        String v = entries.get(key);
        if (v == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(v.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
