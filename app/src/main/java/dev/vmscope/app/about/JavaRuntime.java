package dev.vmscope.app.about;

import java.util.function.Function;

/**
 * The Java runtime vmscope runs on.
 *
 * @param version       the runtime's version, e.g. {@code 25.0.3+9-LTS}
 * @param vendor        who built it, e.g. {@code Eclipse Adoptium}
 * @param vendorVersion the vendor's name for the build, e.g. {@code Temurin-25.0.3+9}; empty when it gives none
 * @param vm            the virtual machine, e.g. {@code OpenJDK 64-Bit Server VM}
 */
public record JavaRuntime(String version, String vendor, String vendorVersion, String vm) {

    /** This process's runtime. */
    public static JavaRuntime current() {
        return from(System::getProperty);
    }

    static JavaRuntime from(Function<String, String> properties) {
        return new JavaRuntime(
                orEmpty(properties.apply("java.runtime.version")),
                orEmpty(properties.apply("java.vendor")),
                orEmpty(properties.apply("java.vendor.version")),
                orEmpty(properties.apply("java.vm.name")));
    }

    /** One line: {@code 25.0.3+9-LTS (Eclipse Adoptium Temurin-25.0.3+9, OpenJDK 64-Bit Server VM)}. */
    public String describe() {
        String build = vendorVersion.isEmpty() ? vendor : vendor + " " + vendorVersion;
        return version + " (" + build + ", " + vm + ")";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
