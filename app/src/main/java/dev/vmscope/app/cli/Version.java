package dev.vmscope.app.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code vmscope --version}: the Implementation-Version of the jar's manifest, or "development" from a source tree. */
final class Version implements IVersionProvider {

    static String text() {
        String v = Cli.class.getPackage().getImplementationVersion();
        return "vmscope " + (v == null || v.isBlank() ? "development" : v);
    }

    @Override
    public String[] getVersion() {
        return new String[] {text()};
    }
}
