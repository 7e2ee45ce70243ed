package dev.vmscope.core.format.kdump;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.DumpFormats;
import dev.vmscope.core.io.ByteArrayStorage;
import dev.vmscope.core.testing.kdump.FlattenedWriter;
import dev.vmscope.core.testing.kdump.KdumpSpec;
import dev.vmscope.core.testing.kdump.KdumpSpecParser;
import dev.vmscope.core.testing.kdump.KdumpWriter;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Named kinds of damage to a compressed kdump (64-bit headers, block size 4096, zlib pages; see
 * zlib-64bit.spec) and to flattened files, each reported at the field that is wrong.
 */
class KdumpDamageTest {
    private static final KdumpSpec SPEC = KdumpSpecParser.resource("/dev/vmscope/core/format/kdump/zlib-64bit.spec");
    private static final int BLOCK = 4096;

    private static ByteBuffer good() {
        return ByteBuffer.wrap(KdumpWriter.write(SPEC)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Where the page descriptors begin: block (1 + sub_hdr_size + bitmap_blocks). */
    private static int descriptors(ByteBuffer b) {
        return BLOCK * (1 + b.getInt(432) + b.getInt(436));
    }

    private static DumpFormatException opening(ByteBuffer b) {
        return assertThrows(DumpFormatException.class, () -> DumpFormats.open(new ByteArrayStorage("damaged", b.array())));
    }

    /** The error of reading pfn 1 (the first stored zlib page of the spec). */
    private static DumpFormatException readingPfn1(ByteBuffer b) {
        try (Dump d = DumpFormats.open(new ByteArrayStorage("damaged", b.array()))) {
            return assertThrows(DumpFormatException.class, () -> d.memory().read(0x1000, 16));
        }
    }

    @Test
    void blockSizeThatIsNoPowerOfTwo() {
        ByteBuffer b = good();
        b.putInt(428, 3000);
        b.putInt(416, 3000); // the 32-bit layout's block_size too, so neither layout fits
        DumpFormatException e = opening(b);
        assertEquals("compressed kdump header: block_size", e.structure());
        assertEquals(428, e.offset());
        assertEquals("damaged", e.file());
    }

    @Test
    void bitmapsPastTheEndOfTheFile() {
        ByteBuffer b = good();
        b.putInt(436, 0x7ffffff0);
        DumpFormatException e = opening(b);
        assertEquals("compressed kdump header: sub_hdr_size/bitmap_blocks", e.structure());
        assertEquals(432, e.offset());
    }

    @Test
    void absurdHeaderVersion() {
        ByteBuffer b = good();
        b.putInt(8, 0x10000);
        DumpFormatException e = opening(b);
        assertEquals("compressed kdump header: header_version", e.structure());
        assertEquals(8, e.offset());
    }

    @Test
    void noteAreaOutsideTheFile() {
        ByteBuffer b = good();
        b.putLong(BLOCK + 48, 1L << 40);
        DumpFormatException e = opening(b);
        assertEquals("compressed kdump sub-header: offset_note/size_note", e.structure());
        assertEquals(BLOCK + 48, e.offset());
    }

    @Test
    void absurdVmcoreinfoSize() {
        ByteBuffer b = good();
        b.putLong(BLOCK + 40, 1L << 33);
        DumpFormatException e = opening(b);
        assertEquals("compressed kdump sub-header: offset_vmcoreinfo/size_vmcoreinfo", e.structure());
        assertEquals(BLOCK + 32, e.offset());
    }

    @Test
    void descriptorTableCutShortWithoutTheIncompleteFlag() {
        ByteBuffer good = good();
        int at = descriptors(good);
        DumpFormatException e = opening(ByteBuffer.wrap(Arrays.copyOf(good.array(), at + 24 * 3)));
        assertEquals("compressed kdump page descriptors", e.structure());
        assertEquals(at, e.offset());
        assertTrue(e.expected().contains("71 descriptors"), e.expected());
    }

    @Test
    void descriptorPointingOutsideTheFile() {
        ByteBuffer b = good();
        int at = descriptors(b);
        b.putLong(at, b.capacity() - 10);
        DumpFormatException e = readingPfn1(b);
        assertEquals("page descriptor of pfn 0x1: offset/size", e.structure());
        assertEquals(at, e.offset());
    }

    @Test
    void corruptCompressedData() {
        ByteBuffer b = good();
        int at = descriptors(b);
        long data = b.getLong(at);
        for (int i = 0; i < 16; i++) {
            b.put((int) data + i, (byte) 0x5a);
        }
        DumpFormatException e = readingPfn1(b);
        assertEquals("page descriptor of pfn 0x1: zlib page data", e.structure());
        assertEquals(data, e.offset());
    }

    @Test
    void unknownPageFlags() {
        ByteBuffer b = good();
        int at = descriptors(b);
        b.putInt(at + 12, 0x40);
        DumpFormatException e = readingPfn1(b);
        assertEquals("page descriptor of pfn 0x1: flags", e.structure());
        assertEquals(at + 12, e.offset());
    }

    @Test
    void storedPageOfTheWrongSize() {
        ByteBuffer b = good();
        int at = descriptors(b);
        b.putInt(at + 12, 0);
        DumpFormatException e = readingPfn1(b);
        assertEquals("page descriptor of pfn 0x1: size", e.structure());
        assertEquals(at + 8, e.offset());
    }

    @Test
    void zeroedDescriptorInADumpNotFlaggedIncomplete() {
        ByteBuffer b = good();
        int at = descriptors(b);
        b.putLong(at, 0).putLong(at + 8, 0);
        DumpFormatException e = readingPfn1(b);
        assertEquals("page descriptor of pfn 0x1", e.structure());
        assertTrue(e.expected().contains("does not say the dump is incomplete"), e.expected());
    }

    @Test
    void flattenedRecordRunningPastTheEnd() {
        byte[] flat = FlattenedWriter.flatten(KdumpWriter.write(SPEC), 0x1000, "forward", 0);
        ByteBuffer b = ByteBuffer.wrap(flat);
        b.putLong(4096 + 8, 1L << 40);
        DumpFormatException e = assertThrows(DumpFormatException.class,
                () -> DumpFormats.open(new ByteArrayStorage("flat", b.array())));
        assertEquals("flattened record 0", e.structure());
        assertEquals(4096, e.offset());
    }

    @Test
    void flattenedStreamWithoutItsEndMarker() {
        byte[] flat = FlattenedWriter.flatten(KdumpWriter.write(SPEC), 0x1000, "forward", 0);
        byte[] cut = Arrays.copyOf(flat, flat.length - 16);
        DumpFormatException e = assertThrows(DumpFormatException.class, () -> DumpFormats.open(new ByteArrayStorage("flat", cut)));
        assertEquals("flattened record header", e.structure());
        assertEquals(cut.length, e.offset());
    }

    @Test
    void flattenedRecordWithANegativeOffset() {
        byte[] flat = FlattenedWriter.flatten(KdumpWriter.write(SPEC), 0x1000, "forward", 0);
        ByteBuffer b = ByteBuffer.wrap(flat);
        long second = 4096 + 16 + 0x1000;
        b.putLong((int) second, -4096);
        DumpFormatException e = assertThrows(DumpFormatException.class,
                () -> DumpFormats.open(new ByteArrayStorage("flat", b.array())));
        assertEquals("flattened record 1", e.structure());
        assertEquals(second, e.offset());
    }
}
