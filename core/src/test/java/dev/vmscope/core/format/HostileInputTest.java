package dev.vmscope.core.format;

import dev.vmscope.core.testing.kdump.FlattenedWriter;
import dev.vmscope.core.testing.kdump.ImageWriter;
import dev.vmscope.core.testing.kdump.KdumpSpec;
import dev.vmscope.core.testing.kdump.KdumpSpecParser;
import dev.vmscope.core.testing.kdump.KdumpWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.vmscope.core.testing.Corpus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every built variant, truncated at every 8 bytes of its structures and at 64 places elsewhere, and
 * with every 4-byte word of its structures set to absurd values, gives only the errors a reader may give
 * ({@link Hostile}).
 */
class HostileInputTest {
    private static final long[] ABSURD = {0, 1, 0x7fffffffL, 0x80000000L, 0xffffffffL, 0x1001};

    /**
     * A built file and the regions of it that hold structure (headers, sub-header and notes, bitmap
     * starts, descriptors, record and range headers): every word there is damaged, every 8th byte there
     * is a truncation point; elsewhere the file is cut at 64 evenly spread places.
     */
    record Variant(String name, byte[] bytes, List<int[]> regions) {
        @Override
        public String toString() {
            return name;
        }

        boolean structural(int at) {
            return regions.stream().anyMatch(r -> at >= r[0] && at < r[1]);
        }
    }

    static Stream<Variant> variants() throws IOException {
        String dir = "/dev/vmscope/core/format/";
        return Stream.of(
                kdump(dir + "kdump/zlib-64bit.spec", 0),
                kdump(dir + "kdump/i386-32bit-packed.spec", 0),
                kdump(dir + "kdump/arm-32bit-aligned.spec", 0),
                kdump(dir + "kdump/incomplete.spec", 0),
                kdump(dir + "kdump/diskdump.spec", 0),
                kdump(dir + "kdump/qemu-arm64-64k-blocks.spec", 0),
                kdump(dir + "kdump/mixed-codecs.spec", 0),
                kdump(dir + "kdump/split-three.spec", 1),
                flattened(dir + "kdump/flattened-shuffled-overwrite.spec"),
                lime(dir + "lime/lime-arm64.spec"),
                kcoreHeader());
    }

    private static Variant kdump(String resource, int part) {
        KdumpSpec spec = KdumpSpecParser.resource(resource);
        byte[] b = KdumpWriter.writeParts(spec).get(part);
        ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int at = spec.header().wideHeader() ? 424 : 412;
        int block = h.getInt(at + 4);
        int bitmaps = block * (1 + h.getInt(at + 8));
        int descriptors = bitmaps + block * h.getInt(at + 12);
        int data = (int) h.getLong(descriptors);
        List<int[]> regions = List.of(new int[] {0, 512}, new int[] {block, Math.min(bitmaps, block + 1024)},
                new int[] {bitmaps, bitmaps + 64}, new int[] {descriptors, descriptors + 24 * 8}, new int[] {data, data + 64});
        return new Variant(spec.name() + (part > 0 ? " part " + (part + 1) : ""), b, regions);
    }

    private static Variant flattened(String resource) {
        KdumpSpec spec = KdumpSpecParser.resource(resource);
        byte[] b = FlattenedWriter.flatten(KdumpWriter.write(spec), 0x777, "shuffled", 5);
        List<int[]> regions = new ArrayList<>();
        regions.add(new int[] {0, 64});
        ByteBuffer h = ByteBuffer.wrap(b);
        for (int at = 4096; at + 16 <= b.length && regions.size() < 24; ) {
            regions.add(new int[] {at, at + 16});
            long size = h.getLong(at + 8);
            if (size < 0) {
                break;
            }
            at += 16 + (int) size;
        }
        return new Variant(spec.name(), b, regions);
    }

    private static Variant lime(String resource) {
        KdumpSpec spec = KdumpSpecParser.resource(resource);
        byte[] b = ImageWriter.lime(spec);
        List<int[]> regions = new ArrayList<>();
        ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 32 <= b.length; at += 32 + (int) (h.getLong(at + 16) - h.getLong(at + 8) + 1)) {
            regions.add(new int[] {at, at + 32});
        }
        return new Variant(spec.name(), b, regions);
    }

    /** The corpus kernel's real /proc/kcore header (ELF header, program headers, notes). */
    private static Variant kcoreHeader() throws IOException {
        byte[] b = Files.readAllBytes(Corpus.file("x86_64-6.1-qemu-live", "truth/kcore.header.bin"));
        return new Variant("kcore.header.bin", b, List.of(new int[] {0, 0x200 + 0x400}, new int[] {b.length - 256, b.length}));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void truncatedAnywhere(Variant v) {
        Map<String, Integer> outcomes = new TreeMap<>();
        int step = Math.max(1, v.bytes().length / 64);
        for (int cut = 0; cut < v.bytes().length; cut++) {
            if (v.structural(cut) ? cut % 8 == 0 : cut % step == 0) {
                outcomes.merge(Hostile.open(v.name() + " cut at " + cut, Arrays.copyOf(v.bytes(), cut)), 1, Integer::sum);
            }
        }
        assertTrue(outcomes.getOrDefault("format", 0) > 0, "some truncation must be reported: " + outcomes);
    }

    @ParameterizedTest
    @MethodSource("variants")
    void absurdWordsInTheHeaders(Variant v) {
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int at = 0; at + 4 <= v.bytes().length; at += 4) {
            if (!v.structural(at)) {
                continue;
            }
            for (long value : ABSURD) {
                byte[] b = v.bytes().clone();
                ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at, (int) value);
                outcomes.merge(Hostile.open(v.name() + " word " + at + "=" + Long.toHexString(value), b), 1, Integer::sum);
            }
        }
        assertTrue(outcomes.getOrDefault("format", 0) > 0, "some damage must be reported: " + outcomes);
    }
}
