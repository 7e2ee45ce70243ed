package dev.vmscope.core.format.kdump;

import dev.vmscope.core.io.Bytes;
import dev.vmscope.core.io.Storage;
import elf4j.Logger;

import java.nio.ByteOrder;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What the page descriptors of a compressed kdump say as a whole: which codecs the pages use, how many
 * point at the shared zero page, and — for a dump flagged incomplete — which were never written.
 * <p>
 * Reading descriptors is metadata only (24 bytes a page, no page data), so a table of up to
 * {@link #FULL_SCAN_BYTES} is read in full when the dump is opened; a larger one is sampled at
 * {@link #SAMPLES} evenly spread descriptors, which finds a second codec whenever it is used for more
 * than a small share of the pages, and the zero-page count is then left unknown. An incomplete dump is
 * always read in full, because which pages are missing decides what its memory map shows.
 */
final class DescriptorCensus {
    private static final Logger LOG = Logger.instance();
    static final long FULL_SCAN_BYTES = 32L << 20;
    static final int SAMPLES = 4096;
    private static final int BATCH = 16384;

    private final Map<PageCodec, Long> codecs = new EnumMap<>(PageCodec.class);
    private long unknownFlags;
    private long zeroPages;
    private long unwrittenCount;
    private final BitSet unwritten = new BitSet();
    private final boolean exact;
    private final long examined;
    private final long zeroPageOffset;

    private DescriptorCensus(boolean exact, long examined, long zeroPageOffset) {
        this.exact = exact;
        this.examined = examined;
        this.zeroPageOffset = zeroPageOffset;
    }

    /**
     * @param count      number of descriptors in the table at {@code at}
     * @param incomplete the header's incomplete flag: descriptors that are zero or point past the end
     *                   of the file were never written
     */
    static DescriptorCensus take(Storage s, long at, long count, int blockSize, boolean incomplete) {
        long dataStart = at + count * PageDescriptor.SIZE;
        boolean full = incomplete || count * PageDescriptor.SIZE <= FULL_SCAN_BYTES;
        long examined = full ? count : Math.min(count, SAMPLES);
        DescriptorCensus c = new DescriptorCensus(full, examined, sharedZeroPage(s, dataStart, blockSize));
        if (full) {
            long inFile = Math.clamp((s.size() - at) / PageDescriptor.SIZE, 0, count);
            byte[] buf = new byte[(int) Math.min(inFile, BATCH) * PageDescriptor.SIZE];
            for (long first = 0; first < inFile; first += BATCH) {
                int n = (int) Math.min(BATCH, inFile - first);
                s.read(at + first * PageDescriptor.SIZE, buf, 0, n * PageDescriptor.SIZE);
                for (int i = 0; i < n; i++) {
                    c.count(decode(buf, i * PageDescriptor.SIZE), first + i, s, blockSize, incomplete);
                }
            }
            if (incomplete) {
                c.pastTheEnd(inFile, count);
            }
        } else {
            LOG.atDebug().log("{}: {} page descriptors, sampling {} of them", s.name(), count, examined);
            for (long i = 0; i < examined; i++) {
                long index = i * count / examined;
                c.count(decode(s.read(at + index * PageDescriptor.SIZE, PageDescriptor.SIZE), 0), index, s, blockSize, false);
            }
        }
        return c;
    }

    /** The offset of the shared zero page (the first block of page data, all zeros), or -1. */
    private static long sharedZeroPage(Storage s, long dataStart, int blockSize) {
        if (!s.contains(dataStart, blockSize)) {
            return -1;
        }
        byte[] page = s.read(dataStart, blockSize);
        for (byte b : page) {
            if (b != 0) {
                return -1;
            }
        }
        return dataStart;
    }

    static PageDescriptor decode(byte[] b, int at) {
        ByteOrder le = ByteOrder.LITTLE_ENDIAN;
        return new PageDescriptor(Bytes.u64(b, at, le), (int) Bytes.u32(b, at + 8, le), (int) Bytes.u32(b, at + 12, le),
                Bytes.u64(b, at + 16, le));
    }

    /** Descriptors {@code from} to {@code to} lie past the end of an incomplete dump: none was written. */
    private void pastTheEnd(long from, long to) {
        if (from < Integer.MAX_VALUE) {
            unwritten.set((int) from, (int) Math.min(to, Integer.MAX_VALUE));
        }
        unwrittenCount += to - from;
    }

    private void count(PageDescriptor pd, long index, Storage s, int blockSize, boolean incomplete) {
        if (incomplete && ((pd.offset() == 0 && pd.size() == 0) || !s.contains(pd.offset(), pd.size()))) {
            if (index < Integer.MAX_VALUE) {
                unwritten.set((int) index);
            }
            unwrittenCount++;
            return;
        }
        PageCodec codec = PageCodec.fromFlags(pd.flags());
        if (codec == null) {
            unknownFlags++;
            return;
        }
        codecs.merge(codec, 1L, Long::sum);
        if (zeroPageOffset >= 0 && pd.offset() == zeroPageOffset && pd.size() == blockSize && codec == PageCodec.NONE) {
            zeroPages++;
        }
    }

    /** Whether the descriptor at {@code index} was never written (only in a dump flagged incomplete). */
    boolean unwritten(long index) {
        return index < Integer.MAX_VALUE && unwritten.get((int) index);
    }

    /** The next never-written descriptor index at or after {@code from}, or -1. */
    long nextUnwritten(long from) {
        return from >= Integer.MAX_VALUE ? -1 : unwritten.nextSetBit((int) from);
    }

    /** The next written descriptor index at or after {@code from}. */
    long nextWritten(long from) {
        return from >= Integer.MAX_VALUE ? from : unwritten.nextClearBit((int) from);
    }

    long unwrittenCount() {
        return unwrittenCount;
    }

    boolean exact() {
        return exact;
    }

    long examined() {
        return examined;
    }

    /** Pages whose descriptor points at the shared zero page, when every descriptor was read. */
    OptionalLong zeroPages() {
        return exact ? OptionalLong.of(zeroPages) : OptionalLong.empty();
    }

    Map<PageCodec, Long> codecs() {
        return Map.copyOf(codecs);
    }

    long unknownFlags() {
        return unknownFlags;
    }

    /**
     * The compression to report: {@code mixed} when compressed pages use more than one codec, the one
     * codec they use, or else what the header announces.
     */
    String compression(String announced) {
        var used = codecs.keySet().stream().filter(c -> c != PageCodec.NONE).toList();
        if (used.size() > 1) {
            return "mixed";
        }
        return used.size() == 1 ? used.getFirst().id() : announced;
    }

}
