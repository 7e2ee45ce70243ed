package dev.vmscope.core.format.minidump;

import dev.vmscope.core.Architecture;

import java.util.List;

/**
 * What the minidumps of FreeBSD's architectures differ in, as data (sys/&lt;arch&gt;/include/minidump.h): the
 * magic, the versions, the header fields after the common five, and the width of a {@code dump_avail}
 * entry ({@code vm_paddr_t}). Every header starts {@code magic[24], version, msgbufsize, bitmapsize} and
 * the size of the page-table array ({@code pmapsize} on 64-bit, {@code ptesize} on 32-bit), little-endian.
 */
enum MinidumpArch {
    AMD64("amd64", Architecture.X86_64, 3, 3, 8, "pmapsize", List.of(
            new Field("kernbase", 40, 8, 1), new Field("dmapbase", 48, 8, 1), new Field("dmapend", 56, 8, 1),
            new Field("dumpavailsize", 64, 4, 3))),
    I386("i386", Architecture.I386, 2, 2, 8, "ptesize", List.of(
            new Field("kernbase", 40, 4, 1), new Field("paemode", 44, 4, 1), new Field("dumpavailsize", 48, 4, 2))),
    ARM("arm", Architecture.ARM, 2, 2, 4, "ptesize", List.of(
            new Field("kernbase", 40, 4, 1), new Field("arch", 44, 4, 1), new Field("mmuformat", 48, 4, 1),
            new Field("dumpavailsize", 52, 4, 2))),
    ARM64("arm64", Architecture.AARCH64, 3, 2, 8, "pmapsize", List.of(
            new Field("kernbase", 40, 8, 1), new Field("dmapphys", 48, 8, 1), new Field("dmapbase", 56, 8, 1),
            new Field("dmapend", 64, 8, 1), new Field("dumpavailsize", 72, 4, 2), new Field("flags", 76, 4, 3)));

    /** The magic is this prefix and the architecture's name, NUL-padded to 24 bytes. */
    static final String MAGIC_PREFIX = "minidump FreeBSD/";
    static final int MAGIC_LENGTH = 24;

    /**
     * One header field.
     *
     * @param since the first version that has it; older headers read it as 0
     */
    record Field(String name, int offset, int width, int since) {
    }

    final String name;
    final Architecture architecture;
    final int maxVersion;
    final int dumpAvailSince;
    final int dumpAvailWord;
    final String arraySizeName;
    final List<Field> fields;

    MinidumpArch(String name, Architecture architecture, int maxVersion, int dumpAvailSince, int dumpAvailWord,
                 String arraySizeName, List<Field> fields) {
        this.name = name;
        this.architecture = architecture;
        this.maxVersion = maxVersion;
        this.dumpAvailSince = dumpAvailSince;
        this.dumpAvailWord = dumpAvailWord;
        this.arraySizeName = arraySizeName;
        this.fields = fields;
    }

    /** The five fields every header starts with, then the architecture's own. */
    List<Field> allFields() {
        return java.util.stream.Stream.concat(List.of(
                new Field("version", 24, 4, 0), new Field("msgbufsize", 28, 4, 0), new Field("bitmapsize", 32, 4, 0),
                new Field(arraySizeName, 36, 4, 0)).stream(), fields.stream()).toList();
    }

    static java.util.Optional<MinidumpArch> byName(String name) {
        for (MinidumpArch a : values()) {
            if (a.name.equals(name)) {
                return java.util.Optional.of(a);
            }
        }
        return java.util.Optional.empty();
    }
}
