package dev.vmscope.core.format.live;

import java.util.List;
import java.util.Optional;

/**
 * The live sources of a running Linux kernel's memory, in the order {@code live} tries them.
 * Each is a fixed path (under the machine root) and a format id as {@code info --json} prints it.
 */
public enum LiveSourceKind {
    /** The running kernel as an ELF core: virtual PT_LOADs, physical addresses in p_paddr since Linux 4.11. */
    KCORE("/proc/kcore", "kcore"),
    /** Physical memory at file offsets; CONFIG_STRICT_DEVMEM limits it to the first MiB and non-RAM. */
    DEVMEM("/dev/mem", "devmem"),
    /** The crash utility's driver: physical memory at file offsets, one page per read. */
    CRASH("/dev/crash", "devcrash");

    /** The source name that means "the best live source this machine allows". */
    public static final String LIVE = "live";

    private final String path;
    private final String format;

    LiveSourceKind(String path, String format) {
        this.path = path;
        this.format = format;
    }

    /** The absolute path on the machine, e.g. {@code /proc/kcore}. */
    public String path() {
        return path;
    }

    /** The format id, e.g. {@code kcore}. */
    public String format() {
        return format;
    }

    /** The kind a source name asks for exactly ({@code /dev/mem}, ...); empty for {@code live} and anything else. */
    public static Optional<LiveSourceKind> ofPath(String source) {
        for (LiveSourceKind k : values()) {
            if (k.path.equals(source)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The kind a format id names, e.g. {@code devmem}. */
    public static Optional<LiveSourceKind> ofFormat(String format) {
        for (LiveSourceKind k : values()) {
            if (k.format.equals(format)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** Whether a source name on the command line means a live source rather than a dump file. */
    public static boolean isLiveName(String source) {
        return LIVE.equals(source) || ofPath(source).isPresent();
    }

    /**
     * The kinds to try for a source name, best first: every kind for {@code live}; the kind asked for,
     * then /proc/kcore for /dev/mem (the fallback when STRICT_DEVMEM or lockdown closes /dev/mem).
     *
     * @throws IllegalArgumentException when the name is not a live source
     */
    public static List<LiveSourceKind> candidates(String source) {
        if (LIVE.equals(source)) {
            return List.of(values());
        }
        LiveSourceKind kind = ofPath(source).orElseThrow(() ->
                new IllegalArgumentException("not a live source: " + source));
        return kind == DEVMEM ? List.of(DEVMEM, KCORE) : List.of(kind);
    }
}
