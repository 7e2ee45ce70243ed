package dev.vmscope.views.teach;

import dev.vmscope.core.Session;
import dev.vmscope.core.xen.P2mEntryFormat;
import dev.vmscope.core.xlat.PageTableWalker;
import dev.vmscope.core.xlat.PagingMode;
import dev.vmscope.core.xlat.PagingModes;
import dev.vmscope.core.xlat.Translation;

import java.util.List;
import java.util.Optional;

/**
 * A lesson's walks, done by the core's {@link PageTableWalker} over the dump's memory: the same walker,
 * entry formats and geometry that walk real dumps. Nothing here knows an answer in advance.
 */
public final class LessonWalks {
    private LessonWalks() {
    }

    /** The paging mode of an id: any of {@link PagingModes#byId}, or {@code xen-p2m-tree}. */
    public static Optional<PagingMode> mode(String id) {
        return id.equals(P2mEntryFormat.TREE.id()) ? Optional.of(P2mEntryFormat.TREE) : PagingModes.byId(id);
    }

    /** Walks every address of the lesson; may take a while on a large dump, so call it off the FX thread. */
    public static List<Translation> walk(Session session, Lesson lesson) {
        PagingMode mode = mode(lesson.mode())
                .orElseThrow(() -> new IllegalArgumentException("lesson " + lesson.id() + ": unknown paging mode " + lesson.mode()));
        PageTableWalker walker = new PageTableWalker(session.memory(), mode, session.dump().architecture().byteOrder());
        return lesson.walks().stream().map(w -> walker.walk(lesson.rootOf(w), w.address())).toList();
    }
}
