package dev.vmscope.app.about;

import java.util.List;

/**
 * A library that ships with vmscope.
 *
 * @param name          its project name, e.g. {@code picocli}
 * @param groupId       its Maven coordinates
 * @param artifactId    its Maven coordinates
 * @param version       the version found at run time (see {@code versionSource})
 * @param versionSource where {@code version} was read
 * @param licences      the licences its POM declares, in SPDX form where the build knows one, e.g.
 *                      {@code Apache-2.0}; more than one when the project offers a choice
 * @param url           its home page; empty when its POM names none
 */
public record BundledLibrary(String name, String groupId, String artifactId, String version,
                             VersionSource versionSource, List<String> licences, String url) {

    public BundledLibrary {
        licences = List.copyOf(licences);
    }

    /** {@code groupId:artifactId}. */
    public String coordinates() {
        return groupId + ":" + artifactId;
    }
}
