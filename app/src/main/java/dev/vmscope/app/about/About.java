package dev.vmscope.app.about;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Everything the About dialog shows.
 *
 * @param version   vmscope's version: the {@code Implementation-Version} of its jar, or {@code "development"} when
 *                  it runs from a source tree (classes, not a jar)
 * @param runtime   the Java runtime vmscope runs on
 * @param libraries the bundled libraries, sorted by name
 */
public record About(String version, JavaRuntime runtime, List<BundledLibrary> libraries) {
    /** The version shown when vmscope runs from compiled classes rather than from its jar. */
    public static final String DEVELOPMENT = "development";
    static final String NOTICE_RESOURCE = "THIRD-PARTY.txt";

    public About {
        libraries = List.copyOf(libraries);
    }

    /**
     * What this process runs: the manifest of vmscope's jar, this JVM, and each bundled library as found on the
     * class path or in the runtime image. Reads a few small jar entries; call it off the FX thread.
     */
    public static About current() {
        String version = About.class.getPackage().getImplementationVersion();
        List<BundledLibrary> libraries = RuntimeLibraries.ofThisProcess().resolve(ThirdPartyTable.bundled());
        return new About(version == null || version.isBlank() ? DEVELOPMENT : version, JavaRuntime.current(),
                libraries);
    }

    /**
     * The third-party notice: every bundled library with its licences and home page, as shipped in
     * {@code THIRD-PARTY.txt} beside the application.
     */
    public static String thirdPartyNotice() {
        try (InputStream in = About.class.getResourceAsStream(NOTICE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(NOTICE_RESOURCE + " is missing beside " + About.class.getName()
                        + " (the build generates it)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + NOTICE_RESOURCE, e);
        }
    }
}
