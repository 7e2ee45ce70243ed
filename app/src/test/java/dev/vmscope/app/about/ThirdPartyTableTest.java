package dev.vmscope.app.about;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThirdPartyTableTest {

    @Test
    void readsColumnsAndEveryLicenceAndSkipsComments() {
        ThirdPartyTable table = ThirdPartyTable.parse(List.of(
                "# group\tartifact\tversion\tname\turl\tlicences...",
                "",
                "info.picocli\tpicocli\t4.7.7\tpicocli\thttps://picocli.info\tApache-2.0",
                "org.fxmisc.richtext\trichtextfx\t0.11.7\tRichTextFX\t\tBSD-2-Clause\t"
                        + "GPL-2.0-only WITH Classpath-exception-2.0"));

        assertEquals(List.of(
                new ThirdPartyTable.Entry("info.picocli", "picocli", "4.7.7", "picocli", "https://picocli.info",
                        List.of("Apache-2.0")),
                new ThirdPartyTable.Entry("org.fxmisc.richtext", "richtextfx", "0.11.7", "RichTextFX", "",
                        List.of("BSD-2-Clause", "GPL-2.0-only WITH Classpath-exception-2.0"))), table.entries());
    }

    @Test
    void aLineWithoutALicenceIsAnErrorNamingTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ThirdPartyTable.parse(List.of(
                "# header", "info.picocli\tpicocli\t4.7.7\tpicocli\thttps://picocli.info")));
        assertTrue(e.getMessage().startsWith("third-party.tsv line 2:"), e.getMessage());

        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> ThirdPartyTable.parse(
                List.of("info.picocli\tpicocli\t4.7.7\tpicocli\thttps://picocli.info\t ")));
        assertTrue(empty.getMessage().contains("line 1"), empty.getMessage());
    }

    /** The table the build generated from the POMs: the libraries the About dialog must name, with their licences. */
    @Test
    void theBundledTableNamesTheShippedLibrariesAndTheirLicences() {
        Map<String, ThirdPartyTable.Entry> byArtifact = ThirdPartyTable.bundled().entries().stream()
                .collect(Collectors.toMap(ThirdPartyTable.Entry::artifactId, Function.identity()));

        String gplCe = "GPL-2.0-only WITH Classpath-exception-2.0";
        assertEquals(List.of(gplCe), byArtifact.get("javafx-controls").licences());
        assertEquals(List.of(gplCe), byArtifact.get("javafx-graphics").licences());
        assertEquals(List.of("BSD-3-Clause"), byArtifact.get("controlsfx").licences());
        assertEquals(List.of("BSD-2-Clause", gplCe), byArtifact.get("richtextfx").licences());
        assertEquals(List.of("MIT"), byArtifact.get("elf4j").licences());
        assertEquals(List.of("Apache-2.0"), byArtifact.get("picocli").licences());
        assertEquals(List.of("Apache-2.0"), byArtifact.get("jackson-core").licences());
        assertEquals(List.of("Apache-2.0"), byArtifact.get("aircompressor-v3").licences());
        assertFalse(byArtifact.values().stream().anyMatch(e -> e.groupId().startsWith("dev.vmscope")),
                "vmscope's own modules are not third-party libraries");
        assertFalse(byArtifact.containsKey("junit-jupiter"), "test libraries do not ship");
    }
}
