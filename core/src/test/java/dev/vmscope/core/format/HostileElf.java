package dev.vmscope.core.format;

import dev.vmscope.core.DumpException;
import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.io.ByteArrayStorage;
import dev.vmscope.core.testing.ByteWriter;
import dev.vmscope.core.testing.ElfCoreWriter;
import dev.vmscope.core.testing.TestDumps;

import java.nio.ByteOrder;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

/** Corrupted copies of a valid built core, and what opening them gives. */
final class HostileElf {
    static final String X86_64 = "/dev/vmscope/core/format/small-core-x86_64.spec";
    static final String I386 = "/dev/vmscope/core/format/small-core-i386.spec";

    private HostileElf() {
    }

    static ElfCoreWriter.Image image(String spec) {
        return TestDumps.image(spec);
    }

    /** A copy of the bytes with a little-endian field of {@code width} bytes set. */
    static byte[] patched(byte[] bytes, long offset, int width, long value) {
        byte[] b = bytes.clone();
        ByteWriter.put(b, (int) offset, width, value, ByteOrder.LITTLE_ENDIAN, "patch");
        return b;
    }

    static byte[] truncated(byte[] bytes, long length) {
        return Arrays.copyOf(bytes, (int) length);
    }

    /** Opens the bytes and returns what was thrown; fails if it opened or threw anything but a DumpException. */
    static DumpException refusal(byte[] bytes, String name) {
        try (Dump d = DumpFormats.open(new ByteArrayStorage(name, bytes))) {
            fail("opened although corrupt: " + d.format() + " with " + d.memory().ranges().size() + " ranges");
            return null;
        } catch (DumpException e) {
            return e;
        } catch (RuntimeException | Error e) {
            throw new AssertionError("not a DumpException: " + e, e);
        }
    }

    /** Opens the bytes expecting a format error that names the file; returns it. */
    static DumpFormatException formatError(byte[] bytes, String name) {
        DumpFormatException e = assertInstanceOf(DumpFormatException.class, refusal(bytes, name));
        assertEquals(name, e.file());
        return e;
    }
}
