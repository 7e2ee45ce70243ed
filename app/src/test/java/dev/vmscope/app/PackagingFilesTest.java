package dev.vmscope.app;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.vmscope.app.architecture.ProductionClasses;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * packaging/ is data that several tools read (jpackage, dpkg, rpm, xdg-utils, the desktop); these are the
 * agreements between its files that none of those tools would check before a user notices.
 */
class PackagingFilesTest {
    private static final Path ROOT = repositoryRoot();
    private static final Path PACKAGING = ROOT.resolve("packaging");
    private static final Path LINUX = PACKAGING.resolve("linux");

    @Test
    void theConsoleLauncherIsTheSameProgramForcedIntoCommandLineMode() throws IOException {
        List<String> common = tokens(PACKAGING.resolve("common.args"));
        List<String> mainOptions = new ArrayList<>();
        for (int i = 0; i < common.size() - 1; i++) {
            if (common.get(i).equals("--java-options")) {
                mainOptions.addAll(Arrays.asList(common.get(i + 1).split("\\s+")));
            }
        }
        Properties cli = properties(PACKAGING.resolve("vmscope-cli.properties"));
        List<String> cliOptions = Arrays.asList(cli.getProperty("java-options").strip().split("\\s+"));

        List<String> expected = new ArrayList<>(mainOptions);
        expected.add("-D" + Main.MODE_PROPERTY + "=cli");
        expected.add("-XX:TieredStopAtLevel=1");
        assertEquals(expected, cliOptions, "jpackage gives an added launcher its own Java options, not the main one's");
        assertTrue(common.contains("vmscope-cli=packaging/vmscope-cli.properties"), "common.args adds vmscope-cli");
        assertEquals("true", cli.getProperty("win-console"), "on Windows vmscope-cli is the console launcher");
        assertEquals("false", cli.getProperty("linux-shortcut"));
    }

    @Test
    void everyFileAnArgumentFileNamesExists() throws IOException {
        Set<String> pathOptions = Set.of("--icon", "--app-content", "--resource-dir", "--file-associations");
        List<Path> argFiles;
        try (Stream<Path> files = Files.walk(PACKAGING)) {
            argFiles = files.filter(p -> p.toString().endsWith(".args")).sorted().toList();
        }
        assertTrue(argFiles.size() >= 8, argFiles.toString());
        for (Path argFile : argFiles) {
            List<String> tokens = tokens(argFile);
            for (int i = 0; i < tokens.size() - 1; i++) {
                List<String> named = new ArrayList<>();
                if (pathOptions.contains(tokens.get(i))) {
                    named.addAll(Arrays.asList(tokens.get(i + 1).split(",")));
                } else if (tokens.get(i).equals("--add-launcher")) {
                    named.add(tokens.get(i + 1).substring(tokens.get(i + 1).indexOf('=') + 1));
                }
                for (String name : named) {
                    assertTrue(Files.exists(ROOT.resolve(name)), ROOT.relativize(argFile) + " names " + name
                            + ", which does not exist (paths are relative to the repository root)");
                }
            }
        }
    }

    @Test
    void theDesktopEntryOpensEveryDumpTypeThatSharedMimeInfoRecognises() throws Exception {
        Set<String> defined = new TreeSet<>();
        NodeList types = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(LINUX.resolve("vmscope-mime.xml").toFile()).getElementsByTagName("mime-type");
        for (int i = 0; i < types.getLength(); i++) {
            defined.add(((Element) types.item(i)).getAttribute("type"));
        }
        Set<String> opened = Arrays.stream(desktopEntry().getProperty("MimeType").split(";"))
                .filter(t -> !t.isBlank()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(defined, opened);

        try (Stream<Path> files = Files.list(PACKAGING.resolve("assoc"))) {
            for (Path association : files.toList()) {
                String type = properties(association).getProperty("mime-type");
                assertTrue(defined.contains(type), association.getFileName() + ": " + type + " is not in vmscope-mime.xml");
            }
        }
    }

    /** The entry, the scripts and the installers agree on where vmscope is installed. */
    @Test
    void theDesktopEntryStartsTheInstalledLauncherWithTheFileDoubleClicked() throws IOException {
        assertEquals("/opt/vmscope/bin/vmscope %f", desktopEntry().getProperty("Exec"));
        for (String installer : List.of("deb.args", "rpm.args")) {
            List<String> tokens = tokens(LINUX.resolve(installer));
            assertEquals("/opt", tokens.get(tokens.indexOf("--install-dir") + 1), installer);
        }
        for (String script : List.of("resources/postinst", "resources/prerm", "resources/vmscope.spec")) {
            assertTrue(Files.readString(LINUX.resolve(script)).contains("sh /opt/vmscope/lib/vmscope-desktop "),
                    script + " runs the installed vmscope-desktop");
        }
    }

    /** Desktops match a window to its entry by WM_CLASS, which JavaFX sets to the Application class's name. */
    @Test
    void theDesktopEntryNamesTheWindowClassOfTheApplication() throws IOException {
        List<String> applications = new ClassFileImporter().withImportOption(new ProductionClasses())
                .importPackages("dev.vmscope.app").stream()
                .filter(c -> c.isAssignableTo("javafx.application.Application"))
                .map(JavaClass::getName).toList();
        assumeTrue(!applications.isEmpty(), "no javafx.application.Application in dev.vmscope.app yet");
        assertEquals(List.of(desktopEntry().getProperty("StartupWMClass")), applications);
    }

    private static Properties desktopEntry() throws IOException {
        Properties entry = new Properties();
        try (Reader in = Files.newBufferedReader(LINUX.resolve("vmscope.desktop"))) {
            entry.load(in);
        }
        return entry;
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        return properties;
    }

    /** An argument file's words, as jpackage splits them: at white space, except inside double quotes. */
    private static List<String> tokens(Path argFile) throws IOException {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (char c : Files.readString(argFile).toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inWord) {
                    tokens.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quoted) {
            fail(argFile + ": unbalanced double quote");
        }
        if (inWord) {
            tokens.add(word.toString());
        }
        return tokens;
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("packaging")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (with packaging/ and mvnw) above " + Path.of("").toAbsolutePath());
    }
}
