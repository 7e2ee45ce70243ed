package dev.vmscope.views.testing;

import dev.vmscope.core.Hex;
import dev.vmscope.core.testing.TruthFiles;

import java.util.List;
import java.util.function.Predicate;

/**
 * Rows of libkdumpfile's {@code vmcore-qemu.elf.vtop.tsv}: label, class, virtual address, and the
 * physical address or {@code unmapped:<reason>}.
 */
public record VtopTruth(String label, String kind, long va, String result) {

    public static List<VtopTruth> rows() {
        return TruthFiles.rows(CorpusSession.truth("libkdumpfile/" + CorpusSession.DUMP + ".vtop.tsv")).stream()
                .map(r -> new VtopTruth(r[0], r[1], Hex.parse(r[2]), r[3])).toList();
    }

    /** The first row that matches. */
    public static VtopTruth first(Predicate<VtopTruth> p) {
        return rows().stream().filter(p).findFirst().orElseThrow(() -> new AssertionError("no such truth row"));
    }

    public boolean mapped() {
        return !result.startsWith("unmapped");
    }

    public long physical() {
        return Hex.parse(result);
    }
}
