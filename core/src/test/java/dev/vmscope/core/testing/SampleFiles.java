package dev.vmscope.core.testing;

import org.junit.jupiter.api.Assertions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Files of the project's top-level {@code resources/} folder, and the tables of their Markdown texts. */
public final class SampleFiles {
    private SampleFiles() {
    }

    /** A file given from the project root, found from the module directory (where tests run) or the root. */
    public static Path locate(String fromRoot) {
        for (Path p : List.of(Path.of("..").resolve(fromRoot), Path.of(fromRoot))) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return Assertions.fail("missing " + fromRoot + " (looked in .. and .)");
    }

    /**
     * The rows of the first Markdown table after {@code heading} whose first header cell is {@code firstColumn};
     * cells are trimmed and lose their backticks.
     */
    public static List<List<String>> table(String markdown, String heading, String firstColumn) {
        List<String> lines = markdown.lines().toList();
        int at = lines.indexOf(heading);
        Assertions.assertTrue(at >= 0, "no heading " + heading);
        List<List<String>> rows = new ArrayList<>();
        boolean inTable = false;
        for (int i = at + 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            List<String> cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|"))
                    .map(c -> c.strip().replace("`", "")).toList();
            if (!inTable) {
                inTable = cells.getFirst().equals(firstColumn);
                i++; // the separator row
                continue;
            }
            rows.add(cells);
        }
        Assertions.assertTrue(inTable, "no table starting with '" + firstColumn + "' after " + heading);
        return rows;
    }
}
