package dev.vmscope.app.gui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * The dumps opened last, newest first, kept in the user's preferences between runs (java.util.prefs
 * writes them out in the background and at exit, so nothing here waits on a disk).
 */
public final class RecentFiles {
    private static final int MAX = 10;
    private static final String KEY = "recent.";

    private final Preferences node;

    /**
     * @param node where to keep the list (the user's node for the program; tests pass their own)
     */
    public RecentFiles(Preferences node) {
        this.node = node;
    }

    /** The user's preferences node for vmscope's window: this list, the window's place, the theme. */
    public static Preferences userNode() {
        return Preferences.userRoot().node("dev/vmscope/app/gui");
    }

    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String p = node.get(KEY + i, null);
            if (p == null) {
                break;
            }
            out.add(Path.of(p));
        }
        return out;
    }

    /** Puts {@code path} first, dropping an older mention and the oldest beyond ten. */
    public void add(Path path) {
        Path p = path.toAbsolutePath().normalize();
        List<Path> list = new ArrayList<>(list());
        list.remove(p);
        list.addFirst(p);
        store(list.subList(0, Math.min(MAX, list.size())));
    }

    public void clear() {
        store(List.of());
    }

    private void store(List<Path> list) {
        for (int i = 0; i < MAX; i++) {
            if (i < list.size()) {
                node.put(KEY + i, list.get(i).toString());
            } else {
                node.remove(KEY + i);
            }
        }
    }
}
