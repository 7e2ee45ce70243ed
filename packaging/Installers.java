import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds this operating system's installers from the app-image, one per argument file
 * packaging/OS/TYPE.args (deb and rpm on Linux, msi on Windows, dmg on macOS), each with
 * packaging/installer.args. An installer whose tools are not on the PATH is skipped with a message
 * naming them; when none can be built, the build fails.
 *
 *   java packaging/Installers.java OS BUILD_DIR DEST_DIR VERSION     (from the repository root)
 *
 * BUILD_DIR holds the app-image (vmscope, or vmscope.app on macOS). The app profile "installers" runs
 * this with the JDK that built the app-image, whose jpackage it uses.
 */
public class Installers {
    /** The tools jpackage needs for each type, and where to get them. */
    private static final Map<String, Tools> TOOLS = Map.of(
            "deb", new Tools(List.of(List.of("dpkg-deb"), List.of("fakeroot")),
                    "Debian and Ubuntu: apt-get install dpkg fakeroot"),
            "rpm", new Tools(List.of(List.of("rpmbuild")),
                    "Debian and Ubuntu: apt-get install rpm; Fedora: dnf install rpm-build"),
            "msi", new Tools(List.of(List.of("wix", "candle")),
                    "the WiX Toolset: https://wixtoolset.org (wix.exe 4 or later, or candle.exe and light.exe 3)"),
            "dmg", new Tools(List.of(List.of("hdiutil")), "hdiutil comes with macOS"));

    /** Each inner list is a choice: one of its tools is enough. */
    private record Tools(List<List<String>> needed, String hint) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            fail("usage: java packaging/Installers.java OS BUILD_DIR DEST_DIR VERSION");
        }
        String os = args[0];
        Path build = Path.of(args[1]);
        Path dest = Path.of(args[2]);
        String version = args[3];
        Path appImage = build.resolve(os.equals("mac") ? "vmscope.app" : "vmscope");
        if (!Files.isDirectory(appImage)) {
            fail("no app-image at " + appImage + "; the package phase builds it first");
        }
        Path argDir = Path.of("packaging", os);
        List<String> types;
        try (Stream<Path> files = Files.list(argDir)) {
            types = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".args") && !n.equals("app-image.args"))
                    .map(n -> n.substring(0, n.length() - ".args".length()))
                    .sorted().toList();
        }
        ToolProvider jpackage = ToolProvider.findFirst("jpackage")
                .orElseThrow(() -> new IllegalStateException("this JDK has no jpackage"));
        Files.createDirectories(dest);
        List<String> built = new ArrayList<>();
        for (String type : types) {
            List<String> missing = missingTools(type);
            if (!missing.isEmpty()) {
                System.out.println("installers: skipping ." + type + ": " + String.join(" and ", missing)
                        + " not found on the PATH (" + TOOLS.get(type).hint() + ")");
                continue;
            }
            deleteEarlier(dest, type);
            System.out.println("installers: building ." + type + " from " + appImage);
            int status = jpackage.run(System.out, System.err, "@packaging/installer.args",
                    "@" + argDir.resolve(type + ".args"), "--app-image", appImage.toString(),
                    "--app-version", version, "--dest", dest.toString());
            if (status != 0) {
                fail("jpackage failed (status " + status + ") building the ." + type + "; see its message above");
            }
            built.add(type);
        }
        if (built.isEmpty()) {
            fail("no installer could be built for " + os + " (" + String.join(", ", types) + "); see the messages above");
        }
        try (Stream<Path> files = Files.list(dest)) {
            files.sorted().forEach(p -> System.out.println("installers: " + p));
        }
    }

    private static List<String> missingTools(String type) {
        Tools tools = TOOLS.get(type);
        if (tools == null) {
            return List.of();
        }
        return tools.needed().stream()
                .filter(choice -> choice.stream().noneMatch(Installers::onPath))
                .map(choice -> String.join(" or ", choice))
                .toList();
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, windows ? tool + ".exe" : tool);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return true;
            }
        }
        return false;
    }

    /** jpackage does not write over an installer of an earlier build. */
    private static void deleteEarlier(Path dest, String type) throws IOException {
        try (Stream<Path> files = Files.list(dest)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("vmscope")
                    && p.getFileName().toString().endsWith("." + type)).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void fail(String message) {
        System.err.println("installers: " + message);
        System.exit(1);
    }
}
