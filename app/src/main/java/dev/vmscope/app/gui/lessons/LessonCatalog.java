package dev.vmscope.app.gui.lessons;

import dev.vmscope.views.teach.Lesson;
import dev.vmscope.views.teach.LessonFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The lessons bundled with the program: {@code lessons/lessons.txt} lists their folders, each folder holds
 * {@code lesson.txt}, the lesson's text and (but for the x86-64 lesson, which walks the teaching sample) its dump.
 * All are class-path resources under one root, the top-level {@code resources/} folder of the source tree.
 */
public final class LessonCatalog {
    /** Where the build puts the top-level {@code resources/} folder. */
    public static final String BUNDLED = "/dev/vmscope/resources/";
    private final String root;

    public LessonCatalog(String root) {
        this.root = root.endsWith("/") ? root : root + "/";
    }

    public static LessonCatalog bundled() {
        return new LessonCatalog(BUNDLED);
    }

    /** Whether this build carries the lessons. */
    public boolean present() {
        return LessonCatalog.class.getResource(root + "lessons/lessons.txt") != null;
    }

    /** The lessons in course order; reads a few small text files. */
    public List<Lesson> lessons() {
        return text("lessons/lessons.txt").lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(id -> LessonFile.parse(id, text("lessons/" + id + "/lesson.txt"), "lessons/" + id + "/lesson.txt")).toList();
    }

    public String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    /** A resource under the root, e.g. a lesson's dump. */
    public byte[] bytes(String path) {
        try (InputStream in = LessonCatalog.class.getResourceAsStream(root + path)) {
            if (in == null) {
                throw new UncheckedIOException("the lesson file " + path + " is not in this build",
                        new java.io.FileNotFoundException(root + path));
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lesson file " + path, e);
        }
    }
}
