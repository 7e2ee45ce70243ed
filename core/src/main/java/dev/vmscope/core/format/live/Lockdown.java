package dev.vmscope.core.format.live;

import java.util.Optional;

/**
 * The kernel lockdown mode from /sys/kernel/security/lockdown, where the current mode is the word in
 * brackets: {@code [none] integrity confidentiality}. Integrity closes /dev/mem; confidentiality
 * closes /proc/kcore as well.
 */
public enum Lockdown {
    NONE("none"),
    INTEGRITY("integrity"),
    CONFIDENTIALITY("confidentiality");

    public static final String PATH = "/sys/kernel/security/lockdown";

    private final String word;

    Lockdown(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** The bracketed mode; empty when the text names none this version knows. */
    public static Optional<Lockdown> parse(String text) {
        int open = text.indexOf('[');
        int close = text.indexOf(']', open + 1);
        if (open < 0 || close < 0) {
            return Optional.empty();
        }
        String current = text.substring(open + 1, close).strip();
        for (Lockdown l : values()) {
            if (l.word.equals(current)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** Whether this mode makes the kernel refuse to open a source (the crash driver does not ask). */
    public boolean closes(LiveSourceKind kind) {
        return switch (kind) {
            case DEVMEM -> this != NONE;
            case KCORE -> this == CONFIDENTIALITY;
            case CRASH -> false;
        };
    }
}
