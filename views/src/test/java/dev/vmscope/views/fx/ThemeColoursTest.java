package dev.vmscope.views.fx;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two themes define the same looked-up colours, the panes' stylesheets use those rather than fixed
 * colours (so the dark theme reaches every pane), and the text of the flag chips and the level tags reads
 * on its background in both themes (WCAG contrast 4.5:1 or more).
 */
class ThemeColoursTest {
    private static final Path STYLES = Path.of("src/main/resources/dev/vmscope/views");
    private static final Pattern DEFINITION = Pattern.compile("(-vm-[a-z0-9-]+):\\s*(#[0-9a-fA-F]{6}|white)\\s*;");
    /**
     * Fixed on purpose: white on the accent of the selected space button; the teaching diagram's fields,
     * whose backgrounds are a fixed colour-blind-safe palette (shared with the SVG export) carrying black
     * text; and the presenter mode, black on white for a projector.
     */
    private static final Pattern BY_DESIGN = Pattern.compile(
            "^hex/hex\\.css: -fx-text-fill: white;$|^teach/teach\\.css: .*(teach-field|[Pp]resenter)");
    private static final Pattern FIXED_COLOUR = Pattern.compile("#[0-9a-fA-F]{3,8}\\b|\\bwhite\\b|\\bblack\\b");

    private static Map<String, String> colours(String sheet) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        Matcher d = DEFINITION.matcher(Files.readString(STYLES.resolve(sheet)));
        while (d.find()) {
            m.put(d.group(1), d.group(2).equals("white") ? "#ffffff" : d.group(2).toLowerCase());
        }
        return m;
    }

    @Test
    void bothThemesDefineTheSameColours() throws IOException {
        assertEquals(colours("vmscope.css").keySet(), colours("vmscope-dark.css").keySet());
    }

    @Test
    void paneStylesheetsUseTheThemesColours() throws IOException {
        List<String> fixed;
        try (Stream<Path> files = Files.walk(STYLES)) {
            fixed = files.filter(p -> p.toString().endsWith(".css"))
                    .filter(p -> !p.getFileName().toString().startsWith("vmscope"))
                    .flatMap(ThemeColoursTest::fixedColourLines).toList();
        }
        List<String> unexpected = fixed.stream().filter(line -> !BY_DESIGN.matcher(line).find()).toList();
        assertEquals(List.of(), unexpected, "fixed colours outside the themes");
    }

    private static Stream<String> fixedColourLines(Path css) {
        try {
            return Files.readAllLines(css).stream().filter(l -> FIXED_COLOUR.matcher(l).find())
                    .map(l -> STYLES.relativize(css).toString().replace('\\', '/') + ": " + l.strip());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void chipAndLevelTextReadsOnItsBackgroundInBothThemes() throws IOException {
        for (String sheet : List.of("vmscope.css", "vmscope-dark.css")) {
            Map<String, String> c = colours(sheet);
            for (String chip : List.of("green", "blue", "violet", "red", "amber", "orange", "teal")) {
                double ratio = contrast(c.get("-vm-chip-" + chip + "-text"), c.get("-vm-chip-" + chip + "-bg"));
                assertTrue(ratio >= 4.5, sheet + " chip " + chip + ": contrast " + ratio);
            }
            for (int level = 0; level <= 4; level++) {
                double ratio = contrast(c.get("-vm-on-level"), c.get("-vm-lvl-" + level));
                assertTrue(ratio >= 3.0, sheet + " level " + level + " tag (bold, large): contrast " + ratio);
            }
        }
    }

    private static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] rgb = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            rgb[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    }
}
