package dev.vmscope.app.about;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RuntimeLibrariesTest {
    @TempDir
    Path dir;

    @Test
    void readsEachVersionFromTheMostTellingPlaceTheLibraryOffers() throws IOException {
        Path withPom = jar("elf4j-7.0.0.jar", Map.of("META-INF/maven/io.github.elf4j/elf4j/pom.properties",
                "groupId=io.github.elf4j\nartifactId=elf4j\nversion=7.0.1\n"), null);
        Path withManifest = jar("picocli-4.7.7.jar", Map.of("picocli/CommandLine.class", ""), "4.7.8");
        Path bare = jar("undofx-2.1.1.jar", Map.of("org/fxmisc/undo/UndoManager.class", ""), null);
        Path classified = jar("javafx-base-26.0.2-linux.jar", Map.of("javafx/beans/Observable.class", ""), null);
        Path notAJar = Files.writeString(dir.resolve("reactfx-2.0-M5.jar"), "not a zip");

        ThirdPartyTable table = ThirdPartyTable.parse(List.of(
                "io.github.elf4j\telf4j\t7.0.0\telf4j\t\tMIT",
                "info.picocli\tpicocli\t4.7.7\tpicocli\t\tApache-2.0",
                "org.fxmisc.undo\tundofx\t2.1.1\tUndoFX\t\tBSD-2-Clause",
                "org.openjfx\tjavafx-base\t26.0.2\tjavafx base\t\tGPL-2.0-only WITH Classpath-exception-2.0",
                "org.reactfx\treactfx\t2.0-M5\tReactFX\t\tBSD-2-Clause",
                "org.openjdk\tjava-base\t1\tjava.base\t\tGPL-2.0-only WITH Classpath-exception-2.0"));
        Map<String, BundledLibrary> found = new RuntimeLibraries(
                List.of(dir, withPom, withManifest, bare, classified, notAJar), ModuleLayer.boot())
                .resolve(table).stream()
                .collect(Collectors.toMap(BundledLibrary::artifactId, Function.identity()));

        assertFound("7.0.1", VersionSource.POM_PROPERTIES, found.get("elf4j"));
        assertFound("4.7.8", VersionSource.MANIFEST, found.get("picocli"));
        assertFound("2.1.1", VersionSource.FILE_NAME, found.get("undofx"));
        assertFound("26.0.2", VersionSource.FILE_NAME, found.get("javafx-base"));
        assertFound("2.0-M5", VersionSource.BUILD, found.get("reactfx"));
        assertFound(ModuleLayer.boot().findModule("java.base").orElseThrow().getDescriptor().rawVersion()
                .orElseThrow(), VersionSource.MODULE, found.get("java-base"));
    }

    @Test
    void sortsByNameAndKeepsTheTablesLicencesAndHomePage() {
        ThirdPartyTable table = ThirdPartyTable.parse(List.of(
                "org.reactfx\treactfx\t2.0-M5\tReactFX\thttp://www.reactfx.org/\tBSD-2-Clause",
                "io.airlift\taircompressor-v3\t3.8\taircompressor\t\tApache-2.0"));

        List<BundledLibrary> libraries = new RuntimeLibraries(List.of(), ModuleLayer.empty()).resolve(table);

        assertEquals(List.of(
                new BundledLibrary("aircompressor", "io.airlift", "aircompressor-v3", "3.8", VersionSource.BUILD,
                        List.of("Apache-2.0"), ""),
                new BundledLibrary("ReactFX", "org.reactfx", "reactfx", "2.0-M5", VersionSource.BUILD,
                        List.of("BSD-2-Clause"), "http://www.reactfx.org/")), libraries);
        assertEquals("org.reactfx:reactfx", libraries.get(1).coordinates());
    }

    private static void assertFound(String version, VersionSource source, BundledLibrary library) {
        assertEquals(version + " from " + source, library.version() + " from " + library.versionSource(),
                library.coordinates());
    }

    private Path jar(String name, Map<String, String> entries, String implementationVersion) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (implementationVersion != null) {
            manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, implementationVersion);
        }
        Path path = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(file, manifest)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return path;
    }
}
