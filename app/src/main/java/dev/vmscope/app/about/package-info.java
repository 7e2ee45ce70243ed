/**
 * What the About dialog shows: vmscope's version (from its jar's manifest), the Java runtime it runs on, and the
 * libraries bundled with it, each with the version found at run time and the licences its POM declares. The
 * licence table and the third-party notice ({@code THIRD-PARTY.txt}, also shipped beside the application) are
 * generated at build time by the license-maven-plugin; see {@code app/pom.xml}.
 */
package dev.vmscope.app.about;
