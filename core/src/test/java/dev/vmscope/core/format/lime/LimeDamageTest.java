package dev.vmscope.core.format.lime;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.format.DumpFormats;
import dev.vmscope.core.io.ByteArrayStorage;
import dev.vmscope.core.testing.kdump.ImageWriter;
import dev.vmscope.core.testing.kdump.KdumpSpec;
import dev.vmscope.core.testing.kdump.KdumpSpecParser;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Damaged LiME files (lime-arm64.spec: three ranges of 0x100000, 0xf0000 and 0x7f000 bytes), each
 * reported at the range header and field that is wrong.
 */
class LimeDamageTest {
    private static final KdumpSpec SPEC = KdumpSpecParser.resource("/dev/vmscope/core/format/lime/lime-arm64.spec");
    /** The second range header follows the first header and its 0x100000 bytes. */
    private static final int SECOND = 32 + 0x100000;

    private static ByteBuffer good() {
        return ByteBuffer.wrap(ImageWriter.lime(SPEC)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static DumpFormatException opening(byte[] b) {
        return assertThrows(DumpFormatException.class, () -> DumpFormats.open(new ByteArrayStorage("lime", b)));
    }

    @Test
    void wrongMagicInALaterHeader() {
        ByteBuffer b = good();
        b.putInt(SECOND, 0x12345678);
        DumpFormatException e = opening(b.array());
        assertEquals("LiME range header 1: magic", e.structure());
        assertEquals(SECOND, e.offset());
    }

    @Test
    void unknownVersion() {
        ByteBuffer b = good();
        b.putInt(SECOND + 4, 2);
        DumpFormatException e = opening(b.array());
        assertEquals("LiME range header 1: version", e.structure());
        assertEquals(SECOND + 4, e.offset());
    }

    @Test
    void endBelowStart() {
        ByteBuffer b = good();
        b.putLong(SECOND + 16, 0x1000);
        DumpFormatException e = opening(b.array());
        assertEquals("LiME range header 1: e_addr", e.structure());
        assertEquals(SECOND + 16, e.offset());
    }

    @Test
    void rangeRunningPastTheEnd() {
        byte[] cut = Arrays.copyOf(good().array(), SECOND + 32 + 0x1000);
        DumpFormatException e = opening(cut);
        assertEquals("LiME range header 1: s_addr/e_addr", e.structure());
        assertEquals(SECOND + 8, e.offset());
    }

    @Test
    void truncatedHeader() {
        byte[] cut = Arrays.copyOf(good().array(), SECOND + 20);
        DumpFormatException e = opening(cut);
        assertEquals("LiME range header 1", e.structure());
        assertEquals(SECOND, e.offset());
    }

    @Test
    void overlappingRanges() {
        ByteBuffer b = good();
        long third = SECOND + 32 + 0xf0000;
        b.putLong((int) third + 8, 0x40000000L).putLong((int) third + 16, 0x40000000L + 0x7f000 - 1);
        DumpFormatException e = opening(b.array());
        assertEquals("LiME range header 2: s_addr/e_addr", e.structure());
        assertEquals(third + 8, e.offset());
    }
}
