package dev.vmscope.core.format.live;

import dev.vmscope.core.Hex;
import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.Session;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.testing.Corpus;
import dev.vmscope.core.testing.TruthFiles;
import dev.vmscope.core.xlat.Translation;

import java.util.ArrayList;
import java.util.List;

/**
 * What the corpus truth says a live session of the corpus machine must give: libkdumpfile's
 * translation of every address row, libkdumpfile's physical bytes, the kernel release, and which
 * physical ranges each live source holds (from the kernel's own /proc/kcore program headers and
 * /proc/iomem).
 */
public final class LiveTruth {
    private static final String VTOP = "libkdumpfile/vmcore-qemu.elf.vtop.tsv";
    private static final String PBYTES = "libkdumpfile/vmcore-qemu.elf.pbytes.tsv";

    private LiveTruth() {
    }

    /** The release uname printed on the machine. */
    public static String release() {
        return CorpusMachine.truthText("truth/uname.txt").split(" ")[2];
    }

    /** {@code [start, end)} of the PT_LOADs the kernel gave a physical address in /proc/kcore. */
    public static List<long[]> kcorePhysicalRanges() {
        List<long[]> out = new ArrayList<>();
        for (String[] row : TruthFiles.rows(Corpus.file(CorpusMachine.SET, "truth/kcore.phdrs.tsv"))) {
            long paddr = Hex.parse(row[3]);
            if (row[0].equals("LOAD") && paddr != -1) {
                out.add(new long[] {paddr, paddr + Hex.parse(row[4])});
            }
        }
        return out;
    }

    /** {@code [start, end)} of /proc/iomem's System RAM. */
    public static List<long[]> iomemRam() {
        return CorpusMachine.systemRam(CorpusMachine.truthText("truth/iomem.txt"));
    }

    /** Every vtop truth row whose translation through the session differs; empty when all agree. */
    public static List<String> vtopMismatches(Session session) {
        List<String> mismatches = new ArrayList<>();
        List<String[]> rows = TruthFiles.rows(Corpus.file(CorpusMachine.SET, VTOP));
        if (rows.size() < 200) {
            mismatches.add("only " + rows.size() + " truth rows");
        }
        for (String[] row : rows) {
            long va = Hex.parse(row[2]);
            Translation t = session.translate(va);
            String ours = t.mapping().map(m -> Hex.of(m.address())).orElse("unmapped");
            String expected = row[3].startsWith("unmapped") ? "unmapped" : Hex.of(Hex.parse(row[3]));
            if (!ours.equals(expected)) {
                mismatches.add(row[0] + " " + row[2] + ": truth " + row[3] + ", live " + ours
                        + t.fault().map(f -> " (" + f.reason() + ")").orElse(""));
            }
        }
        return mismatches;
    }

    /**
     * Every pbytes truth row the session reads differently: rows inside {@code present} must give the
     * truth's 64 bytes, rows outside must be reported as not in the source.
     *
     * @return the differences (and a line when too few rows lay inside); empty when all agree
     */
    public static List<String> pbytesMismatches(Session session, List<long[]> present) {
        List<String> mismatches = new ArrayList<>();
        int inside = 0;
        for (String[] row : TruthFiles.rows(Corpus.file(CorpusMachine.SET, PBYTES))) {
            long pa = Hex.parse(row[0]);
            boolean expectPresent = present.stream().anyMatch(r -> pa >= r[0] && pa + 64 <= r[1]);
            boolean straddles = !expectPresent && present.stream().anyMatch(r -> pa < r[1] && pa + 64 > r[0]);
            if (straddles) {
                continue;
            }
            try {
                String ours = Hex.bytes(session.read(Space.PHYSICAL, pa, 64));
                if (!expectPresent) {
                    mismatches.add(row[0] + ": outside the source's ranges but read " + ours);
                } else if (!ours.equals(row[1])) {
                    mismatches.add(row[0] + ": truth " + row[1] + ", live " + ours);
                }
                inside++;
            } catch (MemoryAccessException e) {
                if (expectPresent) {
                    mismatches.add(row[0] + ": inside the source's ranges but " + e.getMessage());
                }
            }
        }
        if (inside < 30) {
            mismatches.add("only " + inside + " rows inside the source's ranges");
        }
        return mismatches;
    }
}
