package dev.vmscope.core.format.raw;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.Hex;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.FormatField;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.io.SegmentedMemory;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.io.Storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A dump that is physical memory and nothing else (a raw image, LiME): no notes, no registers, no
 * VMCOREINFO, and no word on the architecture, which is taken to be x86-64 until VMCOREINFO given when
 * the source is opened ({@code --vmcoreinfo}) names another ({@link Dump#withVmcoreInfo}).
 */
public final class PlainMemoryDump {
    /** What an image that names no architecture is read as, until VMCOREINFO says otherwise. */
    public static final Architecture ASSUMED = Architecture.X86_64;
    /** The format ids of dumps that are memory and nothing else. */
    public static final Set<String> FORMATS = Set.of("raw", "lime");
    private static final String SECTION = "memory";

    private PlainMemoryDump() {
    }

    /**
     * @param fields the format's own header fields, shown before the common ones
     */
    public static Dump of(Storage s, String format, Architecture arch, boolean assumed, List<SegmentedMemory.Segment> segments,
                          List<FormatField> fields) {
        SegmentedMemory memory = new SegmentedMemory(s, Space.PHYSICAL, segments);
        List<FormatField> f = new ArrayList<>(fields);
        f.add(new FormatField(SECTION, "architecture", arch.id() + (assumed
                ? " (assumed: a " + format + " image names no architecture)" : "")));
        long bytes = 0;
        for (MemoryRange r : memory.ranges()) {
            if (r.kind() == RangeKind.RAM || r.kind() == RangeKind.ZERO) {
                bytes += r.size();
            }
        }
        f.add(new FormatField(SECTION, "bytes of memory", Hex.of(bytes)));
        f.add(new FormatField(SECTION, "notes", "none (no registers, no VMCOREINFO: give --vmcoreinfo FILE and --root ADDR)"));
        return new Dump(s.name(), format, "none", arch, memory, List.of(), List.of(), Optional.empty(), f, s);
    }

    /** The fields with the architecture line saying it now comes from VMCOREINFO. */
    public static List<FormatField> withArchitecture(List<FormatField> fields, Architecture arch) {
        List<FormatField> out = new ArrayList<>();
        for (FormatField f : fields) {
            out.add(f.section().equals(SECTION) && f.name().equals("architecture")
                    ? new FormatField(SECTION, "architecture", arch.id() + " (from VMCOREINFO)") : f);
        }
        return out;
    }
}
