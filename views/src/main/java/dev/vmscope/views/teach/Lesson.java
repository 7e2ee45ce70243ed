package dev.vmscope.views.teach;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A lesson as data: which dump, which paging mode and root, which text, and the walks it leads through.
 * Read from a small text file by {@link LessonFile}; the answers are never in it, the walker computes them.
 *
 * @param id    the lesson's folder name, also the key of its score
 * @param mode  a paging-mode id ({@code x86-32}, {@code aarch64-4k-48}, {@code xen-p2m-tree}, ...)
 * @param root  the top table (or the root register) the walks start from unless a walk names its own
 * @param dump  the dump's path under the resources folder
 * @param text  the lesson text's path under the resources folder
 */
public record Lesson(String id, String title, String mode, long root, String dump, String text, List<Walk> walks) {

    /**
     * One address the lesson walks.
     *
     * @param root a root of its own (a process's table), or empty for the lesson's
     * @param what what the walk shows, in a few words
     */
    public record Walk(long address, OptionalLong root, String what) {
        public Walk {
            Objects.requireNonNull(root);
            Objects.requireNonNull(what);
        }
    }

    public Lesson {
        walks = List.copyOf(walks);
        if (walks.isEmpty()) {
            throw new IllegalArgumentException("lesson " + id + " walks no address");
        }
    }

    /** The root a walk starts from. */
    public long rootOf(Walk w) {
        return w.root().orElse(root);
    }
}
