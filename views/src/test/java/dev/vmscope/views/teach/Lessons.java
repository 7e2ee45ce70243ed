package dev.vmscope.views.teach;

import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.testing.SampleFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/** The lessons of the source tree's {@code resources/} folder, for tests: the app reads the same files from its class path. */
final class Lessons {
    private Lessons() {
    }

    static List<String> ids() {
        return text("lessons/lessons.txt").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    static Lesson lesson(String id) {
        return LessonFile.parse(id, text("lessons/" + id + "/lesson.txt"), id + "/lesson.txt");
    }

    static Session open(Lesson lesson) {
        return Session.open(SampleFiles.locate("resources/" + lesson.dump()), OpenOptions.DEFAULT);
    }

    static String text(String underResources) {
        try {
            return Files.readString(SampleFiles.locate("resources/" + underResources));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
