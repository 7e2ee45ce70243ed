package dev.vmscope.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the corpus's tab-separated truth files, skipping comment lines. */
public final class TruthFiles {
    private TruthFiles() {
    }

    public static List<String[]> rows(Path tsv) {
        try {
            List<String[]> out = new ArrayList<>();
            for (String line : Files.readAllLines(tsv)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                out.add(line.split("\t", -1));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
