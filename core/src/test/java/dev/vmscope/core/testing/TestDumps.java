package dev.vmscope.core.testing;

import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.DumpFormats;
import dev.vmscope.core.io.ByteArrayStorage;

/** Opens dumps built from specs, in memory: the storage is named after the spec so messages name it. */
public final class TestDumps {
    private TestDumps() {
    }

    /** The written bytes of a spec on the test class path. */
    public static ElfCoreWriter.Image image(String resource) {
        return ElfCoreWriter.write(DumpSpecParser.resource(resource));
    }

    public static Dump open(DumpSpec spec, String name) {
        return DumpFormats.open(new ByteArrayStorage(name, ElfCoreWriter.write(spec).bytes()));
    }

    public static Dump open(String resource) {
        return open(DumpSpecParser.resource(resource), nameOf(resource));
    }

    public static Session session(DumpSpec spec, String name, OpenOptions options) {
        return Session.open(new ByteArrayStorage(name, ElfCoreWriter.write(spec).bytes()), options);
    }

    public static Session session(String resource, OpenOptions options) {
        return session(DumpSpecParser.resource(resource), nameOf(resource), options);
    }

    public static Session session(String resource) {
        return session(resource, OpenOptions.DEFAULT);
    }

    private static String nameOf(String resource) {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }
}
