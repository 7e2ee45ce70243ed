package dev.vmscope.app.gui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The recent list: newest first, no repeats, ten at most, kept in preferences. */
class RecentFilesTest {
    private final Preferences node = Preferences.userRoot().node("dev/vmscope/test/" + UUID.randomUUID());

    @AfterEach
    void forget() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void newestFirstWithoutRepeats() {
        RecentFiles r = new RecentFiles(node);
        r.add(Path.of("/dumps/a.vmcore"));
        r.add(Path.of("/dumps/b.vmcore"));
        r.add(Path.of("/dumps/../dumps/a.vmcore"));
        assertEquals(List.of(Path.of("/dumps/a.vmcore"), Path.of("/dumps/b.vmcore")), new RecentFiles(node).list());
    }

    @Test
    void keepsTheTenNewest() {
        RecentFiles r = new RecentFiles(node);
        IntStream.range(0, 12).forEach(i -> r.add(Path.of("/dumps/" + i)));
        List<Path> list = r.list();
        assertEquals(10, list.size());
        assertEquals(Path.of("/dumps/11"), list.getFirst());
        assertEquals(Path.of("/dumps/2"), list.getLast());
        r.clear();
        assertEquals(List.of(), r.list());
    }
}
