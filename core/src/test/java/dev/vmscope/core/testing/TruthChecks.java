package dev.vmscope.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vmscope.core.Hex;
import dev.vmscope.core.Session;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.notes.CpuState;
import dev.vmscope.core.notes.Register;
import dev.vmscope.core.xlat.Translation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Comparisons of a session with the corpus's truth files, shared by every architecture's corpus test. */
public final class TruthChecks {
    private TruthChecks() {
    }

    /** Rows of a libkdumpfile {@code vtop.tsv} whose translation differs from vmscope's, in words. */
    public static List<String> vtopMismatches(Session session, Path vtopTsv) {
        List<String> mismatches = new ArrayList<>();
        int rows = 0;
        for (String[] row : TruthFiles.rows(vtopTsv)) {
            long va = Hex.parse(row[2]);
            String truth = row[3];
            Translation t = session.translate(va);
            String ours = t.mapping().map(m -> Hex.of(m.address())).orElse("unmapped");
            String expected = truth.startsWith("unmapped") ? "unmapped" : Hex.of(Hex.parse(truth));
            if (!ours.equals(expected)) {
                mismatches.add(row[0] + " " + row[2] + ": truth " + truth + ", vmscope " + ours
                        + t.fault().map(f -> " (" + f.reason() + ")").orElse(""));
            }
            rows++;
        }
        assertTrue(rows > 50, "truth rows read: " + rows);
        return mismatches;
    }

    /**
     * Mapped rows of a {@code vtop.tsv} that no range of the kernel's ptdump covers with the truth's
     * physical address.
     */
    public static List<String> ptdumpMisses(Session session, Path vtopTsv) {
        List<dev.vmscope.core.xlat.MappingRange> ranges = session.kernelMappings(dev.vmscope.core.Progress.NONE).ranges();
        List<String> misses = new ArrayList<>();
        for (String[] row : TruthFiles.rows(vtopTsv)) {
            if (row[3].startsWith("unmapped")) {
                continue;
            }
            long va = Hex.parse(row[2]);
            long pa = Hex.parse(row[3]);
            boolean covered = ranges.stream().anyMatch(r -> Long.compareUnsigned(va, r.start()) >= 0
                    && Long.compareUnsigned(va, r.end()) < 0 && r.physical() + (va - r.start()) == pa);
            if (!covered) {
                misses.add(row[0] + " " + row[2] + " -> " + row[3]);
            }
        }
        return misses;
    }

    /** Rows of a {@code vtop.tsv} where the batch translator disagrees with the step-by-step walk. */
    public static List<String> batchMismatches(Session session, Path vtopTsv) {
        var batch = session.batchTranslator();
        List<String> mismatches = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) { // the second pass is answered from the caches
            for (String[] row : TruthFiles.rows(vtopTsv)) {
                long va = Hex.parse(row[2]);
                long fast = batch.translate(va);
                String ours = fast == dev.vmscope.core.xlat.BatchTranslator.UNMAPPED ? "unmapped" : Hex.of(fast);
                String expected = session.translate(va).mapping().map(m -> Hex.of(m.address())).orElse("unmapped");
                if (!ours.equals(expected)) {
                    mismatches.add("pass " + pass + " " + row[0] + " " + row[2] + ": walk " + expected + ", batch " + ours);
                }
            }
        }
        return mismatches;
    }

    /** Rows of a {@code pbytes.tsv} whose 64 bytes differ from what vmscope reads in {@code space}. */
    public static List<String> pbytesMismatches(Session session, Path pbytesTsv, Space space) {
        List<String> mismatches = new ArrayList<>();
        for (String[] row : TruthFiles.rows(pbytesTsv)) {
            if (!row[1].matches("[0-9a-f]{128}")) {
                continue;
            }
            long pa = Hex.parse(row[0]);
            String ours;
            try {
                ours = Hex.bytes(session.read(space, pa, 64));
            } catch (RuntimeException e) {
                ours = e.getMessage();
            }
            if (!ours.equals(row[1])) {
                mismatches.add(row[0] + ": truth " + row[1] + ", vmscope " + ours);
            }
        }
        return mismatches;
    }

    /** Registers of libkdumpfile's {@code info.json} that vmscope's PRSTATUS decoding gives differently. */
    public static List<String> prstatusMismatches(Session session, Path infoJson) {
        JsonNode cpus;
        try {
            cpus = new ObjectMapper().readTree(infoJson.toFile()).get("cpus");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = cpus.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> cpu = it.next();
            int n = Integer.parseInt(cpu.getKey());
            CpuState state = session.dump().cpus().stream()
                    .filter(c -> c.cpu() == n && c.source().equals(CpuState.PRSTATUS)).findFirst().orElse(null);
            if (state == null) {
                mismatches.add("no PRSTATUS for cpu " + n);
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> regs = cpu.getValue().get("reg").fields(); regs.hasNext(); ) {
                Map.Entry<String, JsonNode> r = regs.next();
                String ours = state.register(r.getKey()).map(Register::value).map(Hex::of).orElse("missing");
                if (!ours.equals(r.getValue().asText())) {
                    mismatches.add("cpu " + n + " " + r.getKey() + ": truth " + r.getValue().asText() + ", vmscope " + ours);
                }
                checked++;
            }
        }
        assertTrue(checked > 10, "registers checked: " + checked);
        return mismatches;
    }
}
