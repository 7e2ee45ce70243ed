package dev.vmscope.app.about;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The About data of the test JVM: vmscope from its classes, and the libraries the build resolved for app. */
class AboutTest {

    @Test
    void fromCompiledClassesTheVersionIsDevelopment() {
        assertEquals(About.DEVELOPMENT, About.current().version());
    }

    @Test
    void everyBundledLibraryIsFoundOnTheClassPathAtTheVersionTheBuildPackaged() {
        About about = About.current();
        Map<String, ThirdPartyTable.Entry> built = ThirdPartyTable.bundled().entries().stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.groupId() + ":" + e.artifactId(), e -> e));

        List<String> names = about.libraries().stream().map(BundledLibrary::artifactId).toList();
        assertTrue(names.containsAll(List.of("javafx-controls", "controlsfx", "richtextfx", "elf4j", "picocli",
                "jackson-core", "aircompressor-v3")), names.toString());
        for (BundledLibrary library : about.libraries()) {
            assertNotEquals(VersionSource.BUILD, library.versionSource(), library.coordinates() + " not found");
            assertEquals(built.get(library.coordinates()).version(), library.version(), library.coordinates());
        }
        assertEquals(VersionSource.POM_PROPERTIES, about.libraries().stream()
                .filter(l -> l.artifactId().equals("jackson-core")).findFirst().orElseThrow().versionSource());
    }

    @Test
    void theRuntimeIsThisJvm() {
        JavaRuntime runtime = About.current().runtime();
        assertEquals(Runtime.version().toString(), runtime.version());
        assertEquals(System.getProperty("java.vm.name"), runtime.vm());
    }

    @Test
    void theRuntimeDescribesItselfOnOneLine() {
        JavaRuntime temurin = JavaRuntime.from(Map.of("java.runtime.version", "25.0.3+9-LTS",
                "java.vendor", "Eclipse Adoptium", "java.vendor.version", "Temurin-25.0.3+9",
                "java.vm.name", "OpenJDK 64-Bit Server VM")::get);
        assertEquals("25.0.3+9-LTS (Eclipse Adoptium Temurin-25.0.3+9, OpenJDK 64-Bit Server VM)",
                temurin.describe());

        JavaRuntime plain = JavaRuntime.from(Map.of("java.runtime.version", "25+36", "java.vendor", "Oracle Corporation",
                "java.vm.name", "OpenJDK 64-Bit Server VM")::get);
        assertEquals("25+36 (Oracle Corporation, OpenJDK 64-Bit Server VM)", plain.describe());
    }

    @Test
    void theThirdPartyNoticeListsEveryBundledLibrary() {
        String notice = About.thirdPartyNotice();
        for (ThirdPartyTable.Entry entry : ThirdPartyTable.bundled().entries()) {
            assertTrue(notice.contains(entry.groupId() + ":" + entry.artifactId() + ":" + entry.version()),
                    entry.artifactId() + " missing from the notice");
        }
    }
}
