package dev.vmscope.core.testing.kdump;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a spec's files into a directory, in the format its {@code @output} names. */
public final class SpecFiles {
    private SpecFiles() {
    }

    /** The files written: one, or the parts of a split set in pfn order. */
    public static List<Path> write(KdumpSpec spec, Path dir) {
        String base = spec.name().replace(".spec", "");
        List<byte[]> contents = switch (spec.output().format()) {
            case "kdump", "split" -> KdumpWriter.writeParts(spec);
            case "flattened" -> List.of(FlattenedWriter.flatten(KdumpWriter.write(spec), spec.output().chunk(),
                    spec.output().order(), spec.output().overwrites()));
            case "lime" -> List.of(ImageWriter.lime(spec));
            case "raw" -> List.of(ImageWriter.raw(spec));
            default -> throw new IllegalArgumentException(spec.name() + ": unknown @output " + spec.output().format());
        };
        List<Path> out = new ArrayList<>();
        try {
            for (int i = 0; i < contents.size(); i++) {
                Path p = dir.resolve(contents.size() == 1 ? base : base + "." + (i + 1));
                Files.write(p, contents.get(i));
                out.add(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
