package dev.vmscope.core.testing.kdump;

import dev.vmscope.core.format.Dump;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.notes.ElfNote;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A compressed kdump of a real dump's memory and notes, written the way a given producer would: QEMU's
 * {@code dump-guest-memory} (absolute pfns, the shared zero page always, utsname.machine "Unknown" on
 * ARM, 64 KiB blocks on arm64, packed 32-bit headers) or makedumpfile on 32-bit ARM (pfns numbered from
 * phys_base, aligned sub-header). Every block that the dump holds in full is stored, zlib-compressed.
 *
 * @param headerLayout {@code 64} or {@code 32}
 * @param subLayout    {@code 64}, {@code packed} or {@code aligned}
 * @param pfnOffset    the pfn of bitmap bit 0 (0 for absolute numbering)
 */
public record KdumpOfDump(int blockSize, String headerLayout, String subLayout, String machine, long physBase, long pfnOffset) {

    public byte[] write(Dump dump) {
        List<PageRun> runs = new ArrayList<>();
        for (MemoryRange r : dump.memory().ranges()) {
            if (r.kind() != RangeKind.RAM) {
                continue;
            }
            long from = Long.divideUnsigned(r.start() + blockSize - 1, blockSize);
            long to = Long.divideUnsigned(r.end(), blockSize);
            if (to > from) {
                runs.add(new PageRun(from, to, PageKind.RAM, "zlib", "range " + r));
            }
        }
        KdumpSpec.Header h = new KdumpSpec.Header("KDUMP   ", 6, headerLayout.equals("64"), subLayout, blockSize, machine, "",
                "zlib", false, 0, physBase, 1, pfnOffset, -1, 2, "always", "note", Math.max(1, dump.cpuCount()));
        KdumpSpec spec = new KdumpSpec("kdump of " + dump.source(), h, runs, List.of(), Optional.empty(), List.of(),
                KdumpSpec.Output.kdump(), List.of());
        ByteArrayOutputStream notes = new ByteArrayOutputStream();
        for (ElfNote n : dump.notes()) {
            notes.writeBytes(ByteBuilder.note(n.name(), n.type(), n.descriptor(), ByteOrder.LITTLE_ENDIAN));
        }
        return KdumpWriter.writeParts(spec, pfn -> dump.memory().read(pfn * blockSize, blockSize), notes.toByteArray()).getFirst();
    }
}
