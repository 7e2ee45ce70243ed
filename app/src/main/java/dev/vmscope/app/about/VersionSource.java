package dev.vmscope.app.about;

/** Where the run-time version of a bundled library was read, most telling first. */
public enum VersionSource {
    /** {@code META-INF/maven/<group>/<artifact>/pom.properties} inside the library's jar or module. */
    POM_PROPERTIES,
    /** The version in the module descriptor of a module linked into the runtime image (JavaFX). */
    MODULE,
    /** The {@code Implementation-Version} of the jar's manifest. */
    MANIFEST,
    /** The version in the jar's file name, {@code <artifact>-<version>.jar}, as the build names it. */
    FILE_NAME,
    /** Not found at run time: the version the build packaged, from the licence table. */
    BUILD
}
