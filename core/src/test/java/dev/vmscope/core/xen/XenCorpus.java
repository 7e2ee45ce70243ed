package dev.vmscope.core.xen;

import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.testing.Corpus;
import dev.vmscope.core.testing.Makedumpfile;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The Xen host dump opened with default options, as the raw ELF ({@code elf}) or as makedumpfile's
 * {@code -c -d 1} conversion ({@code kdump}), shared by the corpus tests of one class and closed after it.
 */
public final class XenCorpus {
    private static final Map<String, Session> SESSIONS = new HashMap<>();

    private XenCorpus() {
    }

    public static synchronized Session session(String kind) {
        return SESSIONS.computeIfAbsent(kind, k -> Session.open(file(k), OpenOptions.DEFAULT));
    }

    public static Path file(String kind) {
        Path elf = Corpus.dump(XenTruth.SET, "x1-xen-kdump.vmcore");
        return switch (kind) {
            case "elf" -> elf;
            case "kdump" -> Makedumpfile.convert(elf, "x1.makedumpfile-c-d1.kdump", "-c", "-d", "1");
            default -> throw new IllegalArgumentException(kind);
        };
    }

    public static synchronized void closeAll() {
        SESSIONS.values().forEach(Session::close);
        SESSIONS.clear();
    }
}
