package dev.vmscope.core.format.live;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;

import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's resource tree as /proc/iomem prints it: {@code start-end : name} with inclusive hex
 * bounds, two spaces of indentation per level of nesting. Read without CAP_SYS_ADMIN the kernel
 * prints every address as zero.
 *
 * @param resources every line, in file order
 */
public record Iomem(List<Resource> resources) {
    public static final String PATH = "/proc/iomem";
    private static final String SYSTEM_RAM = "System RAM";

    /** One line: {@code [start, end]} inclusive, its name and how deeply it is nested. */
    public record Resource(long start, long end, String name, int depth) {
    }

    public Iomem {
        resources = List.copyOf(resources);
    }

    /**
     * @param file the file's name, for messages
     * @throws DumpFormatException naming the line's offset when a line is not {@code start-end : name}
     */
    public static Iomem parse(String text, String file) {
        List<Resource> out = new ArrayList<>();
        int offset = 0;
        for (String line : text.split("\n", -1)) {
            if (!line.isBlank()) {
                out.add(parseLine(line, file, offset));
            }
            offset += line.length() + 1;
        }
        return new Iomem(out);
    }

    private static Resource parseLine(String line, String file, int offset) {
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        int dash = line.indexOf('-', indent);
        int colon = line.indexOf(" : ", indent);
        if (dash < 0 || colon < dash) {
            throw new DumpFormatException(file, offset, "iomem line", "'start-end : name' with hex bounds, found '" + line.strip() + "'");
        }
        try {
            long start = Long.parseUnsignedLong(line.substring(indent, dash), 16);
            long end = Long.parseUnsignedLong(line.substring(dash + 1, colon), 16);
            if (Long.compareUnsigned(end, start) < 0) {
                throw new NumberFormatException("end below start");
            }
            return new Resource(start, end, line.substring(colon + 3).strip(), indent / 2);
        } catch (NumberFormatException e) {
            throw new DumpFormatException(file, offset, "iomem line", "hex bounds with start <= end, found '" + line.strip() + "'");
        }
    }

    /** Whether the kernel hid the addresses (every line 0-0: the file was read without root). */
    public boolean addressesHidden() {
        return !resources.isEmpty() && resources.stream().allMatch(r -> r.start() == 0 && r.end() == 0);
    }

    /** The "System RAM" resources at any depth, as sorted, merged ranges {@code [start, end)}. */
    public List<MemoryRange> systemRam() {
        List<long[]> ram = new ArrayList<>();
        for (Resource r : resources) {
            if (r.name().equals(SYSTEM_RAM) && r.end() != -1) {
                ram.add(new long[] {r.start(), r.end() + 1});
            }
        }
        ram.sort((a, b) -> Long.compareUnsigned(a[0], b[0]));
        List<MemoryRange> out = new ArrayList<>();
        for (long[] r : ram) {
            if (!out.isEmpty() && Long.compareUnsigned(r[0], out.getLast().end()) <= 0) {
                MemoryRange last = out.removeLast();
                long end = Long.compareUnsigned(r[1], last.end()) > 0 ? r[1] : last.end();
                out.add(new MemoryRange(last.start(), end, RangeKind.RAM));
            } else {
                out.add(new MemoryRange(r[0], r[1], RangeKind.RAM));
            }
        }
        return out;
    }
}
