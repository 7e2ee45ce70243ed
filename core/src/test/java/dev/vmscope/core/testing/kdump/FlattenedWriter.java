package dev.vmscope.core.testing.kdump;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Writes a file in makedumpfile's flattened format: a 4 KiB header ({@code "makedumpfile"}, type 1,
 * version 1, big-endian) and records {@code {int64 offset, int64 size}} + data, ended by offset and size
 * -1. The records carry the file in chunks, in order, reversed or shuffled (seeded); with overwrites,
 * records of garbage come first for some chunks and are replaced by later records, as a reader must
 * let a later record win.
 */
public final class FlattenedWriter {
    private FlattenedWriter() {
    }

    public static byte[] flatten(byte[] file, int chunk, String order, int overwrites) {
        ByteBuilder b = new ByteBuilder(ByteOrder.BIG_ENDIAN);
        b.put(0, "makedumpfile".getBytes(StandardCharsets.ISO_8859_1));
        b.u64(16, 1).u64(24, 1).fill(32, 4096 - 32, (byte) 0);
        List<long[]> records = new ArrayList<>();
        for (long at = 0; at < file.length; at += chunk) {
            records.add(new long[] {at, Math.min(chunk, file.length - at)});
        }
        switch (order) {
            case "forward" -> { }
            case "reverse" -> Collections.reverse(records);
            case "shuffled" -> Collections.shuffle(records, new Random(42));
            default -> throw new IllegalArgumentException("record order " + order + " (forward, reverse, shuffled)");
        }
        long at = 4096;
        for (int i = 0; i < overwrites && i < records.size(); i++) {
            long[] r = records.get(records.size() - 1 - i);
            byte[] garbage = new byte[(int) r[1]];
            java.util.Arrays.fill(garbage, (byte) 0xa5);
            at = record(b, at, r[0], garbage, 0, garbage.length);
        }
        for (long[] r : records) {
            at = record(b, at, r[0], file, (int) r[0], (int) r[1]);
        }
        b.u64(at, -1).u64(at + 8, -1);
        return b.bytes();
    }

    private static long record(ByteBuilder b, long at, long offset, byte[] src, int from, int length) {
        b.u64(at, offset).u64(at + 8, length).put(at + 16, src, from, length);
        return at + 16 + length;
    }
}
