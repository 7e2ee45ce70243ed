package dev.vmscope.app.about;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

/**
 * The libraries a process really runs with: the jars on its class path and the modules of its boot layer (JavaFX
 * is linked into the runtime image as modules). A library's version is read, in this order, from its
 * {@code pom.properties}, its module descriptor, its jar's {@code Implementation-Version}, its jar's file name, and
 * only when it is nowhere to be found from what the build recorded.
 */
final class RuntimeLibraries {
    private static final Pattern POM_PROPERTIES = Pattern.compile("META-INF/maven/[^/]+/[^/]+/pom\\.properties");

    private final List<Path> classPath;
    private final ModuleLayer layer;

    RuntimeLibraries(List<Path> classPath, ModuleLayer layer) {
        this.classPath = List.copyOf(classPath);
        this.layer = layer;
    }

    /** This process: {@code java.class.path} and the boot layer. */
    static RuntimeLibraries ofThisProcess() {
        String property = System.getProperty("java.class.path", "");
        List<Path> jars = new ArrayList<>();
        for (String element : property.split(Pattern.quote(File.pathSeparator))) {
            try {
                if (!element.isBlank()) {
                    jars.add(Path.of(element));
                }
            } catch (InvalidPathException e) {
                elf4j.Logger.instance().atDebug().log(e, (Object) ("class path element skipped: " + element));
            }
        }
        return new RuntimeLibraries(jars, ModuleLayer.boot());
    }

    /** Every library of the table with the version found at run time, sorted by name. */
    List<BundledLibrary> resolve(ThirdPartyTable table) {
        List<Jar> jars = classPath.stream().filter(p -> p.getFileName() != null
                && p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                .map(RuntimeLibraries::read).flatMap(Optional::stream).toList();
        List<BundledLibrary> libraries = new ArrayList<>();
        for (ThirdPartyTable.Entry e : table.entries()) {
            Found found = versionOf(e, jars);
            libraries.add(new BundledLibrary(e.name(), e.groupId(), e.artifactId(), found.version(), found.source(),
                    e.licences(), e.url()));
        }
        libraries.sort(Comparator.comparing(BundledLibrary::name, String.CASE_INSENSITIVE_ORDER));
        return List.copyOf(libraries);
    }

    private Found versionOf(ThirdPartyTable.Entry entry, List<Jar> jars) {
        String coordinates = entry.groupId() + ":" + entry.artifactId();
        for (Jar jar : jars) {
            String version = jar.pomVersions().get(coordinates);
            if (version != null) {
                return new Found(version, VersionSource.POM_PROPERTIES);
            }
        }
        Optional<Found> inModule = fromModule(entry);
        if (inModule.isPresent()) {
            return inModule.get();
        }
        for (Jar jar : jars) {
            Optional<String> named = jar.versionInName(entry.artifactId());
            if (named.isPresent()) {
                return jar.implementationVersion().map(v -> new Found(v, VersionSource.MANIFEST))
                        .orElseGet(() -> new Found(withoutClassifier(named.get(), entry.version()),
                                VersionSource.FILE_NAME));
            }
        }
        return new Found(entry.version(), VersionSource.BUILD);
    }

    /** A module named after the artifact ({@code javafx-controls} is {@code javafx.controls}). */
    private Optional<Found> fromModule(ThirdPartyTable.Entry entry) {
        String resource = "META-INF/maven/" + entry.groupId() + "/" + entry.artifactId() + "/pom.properties";
        for (Module module : layer.modules()) {
            Optional<String> pom = pomVersion(module, resource);
            if (pom.isPresent()) {
                return pom.map(v -> new Found(v, VersionSource.POM_PROPERTIES));
            }
        }
        return layer.findModule(entry.artifactId().replace('-', '.'))
                .flatMap(m -> m.getDescriptor().rawVersion())
                .map(v -> new Found(v, VersionSource.MODULE));
    }

    private static Optional<String> pomVersion(Module module, String resource) {
        try (InputStream in = module.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            return Optional.ofNullable(properties.getProperty("version")).map(String::strip)
                    .filter(v -> !v.isEmpty());
        } catch (IOException e) {
            elf4j.Logger.instance().atDebug().log(e, (Object) ("cannot read " + resource + " in " + module));
            return Optional.empty();
        }
    }

    /** {@code 26.0.2-linux} of {@code javafx-base-26.0.2-linux.jar} is version 26.0.2 with a classifier. */
    private static String withoutClassifier(String named, String builtVersion) {
        return named.startsWith(builtVersion + "-") ? builtVersion : named;
    }

    private static Optional<Jar> read(Path path) {
        try (JarFile jar = new JarFile(path.toFile())) {
            Map<String, String> pomVersions = new LinkedHashMap<>();
            for (JarEntry entry : jar.stream().filter(e -> POM_PROPERTIES.matcher(e.getName()).matches()).toList()) {
                Properties properties = new Properties();
                try (InputStream in = jar.getInputStream(entry)) {
                    properties.load(in);
                }
                String group = properties.getProperty("groupId");
                String artifact = properties.getProperty("artifactId");
                String version = properties.getProperty("version");
                if (group != null && artifact != null && version != null) {
                    pomVersions.putIfAbsent(group.strip() + ":" + artifact.strip(), version.strip());
                }
            }
            Manifest manifest = jar.getManifest();
            String implementation = manifest == null ? null
                    : manifest.getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
            return Optional.of(new Jar(path.getFileName().toString(), pomVersions,
                    Optional.ofNullable(implementation).map(String::strip).filter(v -> !v.isEmpty())));
        } catch (IOException | RuntimeException e) {
            elf4j.Logger.instance().atDebug().log(e, (Object) ("cannot read the jar " + path));
            return Optional.empty();
        }
    }

    private record Found(String version, VersionSource source) {
    }

    /** What a class-path jar says about itself. */
    private record Jar(String fileName, Map<String, String> pomVersions, Optional<String> implementationVersion) {

        /** {@code 4.7.7} of {@code picocli-4.7.7.jar} for the artifact {@code picocli}. */
        Optional<String> versionInName(String artifactId) {
            String prefix = artifactId + "-";
            if (!fileName.startsWith(prefix) || fileName.length() <= prefix.length() + ".jar".length()) {
                return Optional.empty();
            }
            String rest = fileName.substring(prefix.length(), fileName.length() - ".jar".length());
            return Character.isDigit(rest.charAt(0)) ? Optional.of(rest) : Optional.empty();
        }
    }
}
