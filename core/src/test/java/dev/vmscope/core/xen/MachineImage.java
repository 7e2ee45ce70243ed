package dev.vmscope.core.xen;

import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.io.Memory;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.io.Space;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Memory described as text, built at test time. Each line is one of
 * <pre>
 *   0xADDR: 0xV 0xV ...          eight-byte little-endian words from ADDR on
 *   0xADDR: "text"               the text and a NUL
 *   0xSTART..0xEND: fill 0xV     the word V over [START, END)
 *   0xSTART..0xEND: ram          zeros over [START, END)
 * </pre>
 * with {@code #} comments. Every 4 KiB page a line touches is present (zeros elsewhere); all others are holes.
 */
public final class MachineImage implements Memory {
    private static final int PAGE = 4096;

    private final Space space;
    private final TreeMap<Long, byte[]> pages = new TreeMap<>();

    public MachineImage(Space space) {
        this.space = space;
    }

    public static MachineImage parse(Space space, String spec) {
        MachineImage m = new MachineImage(space);
        m.add(spec);
        return m;
    }

    /** Adds more lines. */
    public MachineImage add(String spec) {
        for (String raw : spec.split("\n")) {
            String line = raw.contains("#") && !raw.contains("\"") ? raw.substring(0, raw.indexOf('#')) : raw;
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            String where = line.substring(0, colon).strip();
            String what = line.substring(colon + 1).strip();
            if (where.contains("..")) {
                long start = number(where.substring(0, where.indexOf("..")));
                long end = number(where.substring(where.indexOf("..") + 2));
                long value = what.equals("ram") ? 0 : number(what.substring("fill".length()).strip());
                for (long a = start; a < end; a += 8) {
                    putLong(a, value);
                }
            } else if (what.startsWith("\"")) {
                byte[] text = what.substring(1, what.lastIndexOf('"')).translateEscapes().getBytes(StandardCharsets.ISO_8859_1);
                put(number(where), text);
                put(number(where) + text.length, new byte[1]);
            } else {
                long a = number(where);
                for (String v : what.split("\\s+")) {
                    putLong(a, number(v));
                    a += 8;
                }
            }
        }
        return this;
    }

    private static long number(String s) {
        String t = s.strip().replace("_", "");
        return t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
    }

    public MachineImage putLong(long address, long value) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (value >>> (8 * i));
        }
        return put(address, b);
    }

    public MachineImage put(long address, byte[] bytes) {
        for (int i = 0; i < bytes.length; ) {
            long a = address + i;
            int n = (int) Math.min(bytes.length - i, PAGE - (a & (PAGE - 1)));
            System.arraycopy(bytes, i, pages.computeIfAbsent(a & -PAGE, p -> new byte[PAGE]), (int) (a & (PAGE - 1)), n);
            i += n;
        }
        return this;
    }

    @Override
    public Space space() {
        return space;
    }

    @Override
    public List<MemoryRange> ranges() {
        List<MemoryRange> out = new ArrayList<>();
        long last = 0;
        for (long p : pages.keySet()) {
            if (!out.isEmpty() && out.getLast().end() == p) {
                out.set(out.size() - 1, new MemoryRange(out.getLast().start(), p + PAGE, RangeKind.RAM));
            } else {
                if (p > last) {
                    out.add(new MemoryRange(last, p, RangeKind.HOLE));
                }
                out.add(new MemoryRange(p, p + PAGE, RangeKind.RAM));
            }
            last = p + PAGE;
        }
        return out;
    }

    /** Present runs of pages as {start, bytes}, for writing the image into a dump file. */
    public Map<Long, byte[]> segments() {
        Map<Long, byte[]> out = new TreeMap<>();
        for (MemoryRange r : ranges()) {
            if (r.kind() == RangeKind.RAM) {
                out.put(r.start(), read(r.start(), (int) r.size()));
            }
        }
        return out;
    }

    @Override
    public void read(long address, byte[] dst, int dstOffset, int length) {
        for (int i = 0; i < length; ) {
            long a = address + i;
            byte[] page = pages.get(a & -PAGE);
            if (page == null) {
                throw new MemoryAccessException(space, a, MemoryAccessException.Reason.NOT_IN_DUMP);
            }
            int n = (int) Math.min(length - i, PAGE - (a & (PAGE - 1)));
            System.arraycopy(page, (int) (a & (PAGE - 1)), dst, dstOffset + i, n);
            i += n;
        }
    }

    @Override
    public boolean isReadable(long address, long length) {
        for (long a = address & -PAGE; a < address + length; a += PAGE) {
            if (!pages.containsKey(a)) {
                return false;
            }
        }
        return true;
    }
}
