package dev.vmscope.core.testing.lessons;

import dev.vmscope.core.testing.DumpSpec;
import dev.vmscope.core.testing.DumpSpecParser;
import dev.vmscope.core.testing.ElfCoreWriter;
import dev.vmscope.core.testing.SampleFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The lesson dumps under {@code resources/lessons/}: each is described by a text spec beside it
 * ({@code <id>/<id>.spec}, read by {@link DumpSpecParser}) and written as {@code <id>/<id>.vmcore}. The
 * x86-64 4-level lesson walks the bundled teaching sample instead and has no spec of its own.
 */
public final class LessonSamples {
    /** The lessons with a dump of their own, by id (the id is also the folder and the paging mode). */
    public static final List<String> IDS = List.of("x86-32", "x86-pae", "x86_64-5level", "aarch64-4k-48", "arm-lpae", "xen-p2m");

    private LessonSamples() {
    }

    /** {@code resources/lessons/<id>/<id>.<ext>}, from the project root. */
    public static String path(String id, String ext) {
        return "resources/lessons/" + id + "/" + id + "." + ext;
    }

    /** The spec of a lesson's dump, read from the source tree. */
    public static DumpSpec spec(String id) {
        Path p = SampleFiles.locate(path(id, "spec"));
        try {
            return DumpSpecParser.parse(Files.readString(p, StandardCharsets.UTF_8), p.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes the spec describes. */
    public static byte[] bytes(String id) {
        return ElfCoreWriter.write(spec(id)).bytes();
    }
}
