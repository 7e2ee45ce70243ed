package dev.vmscope.core;

import java.util.Objects;

/**
 * A source is corrupt, truncated or not a dump at all: names the file, the offset, the structure and
 * field, and what was expected there.
 */
public final class DumpFormatException extends DumpException {
    private final String file;
    private final long offset;
    private final String structure;
    private final String expected;

    public DumpFormatException(String file, long offset, String structure, String expected) {
        super(structure + " (" + file + ", offset " + Hex.of(offset) + ": " + expected + ")");
        this.file = Objects.requireNonNull(file);
        this.offset = offset;
        this.structure = Objects.requireNonNull(structure);
        this.expected = Objects.requireNonNull(expected);
    }

    public String file() {
        return file;
    }

    public long offset() {
        return offset;
    }

    /** What was being read, e.g. {@code "ELF program header 3: p_offset"}. */
    public String structure() {
        return structure;
    }

    public String expected() {
        return expected;
    }
}
