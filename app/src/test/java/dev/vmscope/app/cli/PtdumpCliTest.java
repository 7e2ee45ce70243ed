package dev.vmscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vmscope.core.Hex;
import dev.vmscope.core.testing.Corpus;
import dev.vmscope.core.testing.TruthFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ptdump} on the QEMU ELF dumps of three architectures: every address libkdumpfile translates lies
 * in a range whose physical address gives libkdumpfile's answer, and no range is listed twice.
 */
class PtdumpCliTest {
    private static final String DUMP = "vmcore-qemu.elf";

    /** A range of the JSON output, end exclusive. */
    private record Range(long start, long end, long physical, long pageSize) {
        boolean contains(long va) {
            return Long.compareUnsigned(va, start) >= 0 && Long.compareUnsigned(va, end) < 0;
        }
    }

    private static List<Range> ranges(JsonNode json) {
        List<Range> out = new ArrayList<>();
        for (JsonNode r : json) {
            out.add(new Range(Hex.parse(r.get("start").asText()), Hex.parse(r.get("end").asText()),
                    Hex.parse(r.get("physical").asText()), r.get("pageSize").asLong()));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64-6.1-qemu-live", "arm64-6.1-qemu-live", "i386-pae-6.1-qemu-live"})
    void everyTranslatedTruthAddressLiesInARangeThatGivesItsPhysicalAddress(String set) {
        String dump = Corpus.dump(set, DUMP).toString();
        CliRun r = CliRun.of("ptdump", dump, "--json");
        assertEquals(0, r.status(), r::toString);
        assertEquals("", r.stderr(), "no progress bar outside a terminal");
        List<Range> ranges = ranges(r.json());
        assertTrue(ranges.size() > 10, set + ": " + ranges.size() + " ranges");
        for (int i = 1; i < ranges.size(); i++) {
            assertTrue(Long.compareUnsigned(ranges.get(i - 1).end(), ranges.get(i).start()) <= 0, set + ": ranges in order, apart");
        }
        int checked = 0;
        List<String> wrong = new ArrayList<>();
        for (String[] row : TruthFiles.rows(Corpus.file(set, "libkdumpfile/" + DUMP + ".vtop.tsv"))) {
            if (!row[3].startsWith("0x")) {
                continue;
            }
            long va = Hex.parse(row[2]);
            long pa = Hex.parse(row[3]);
            Range in = ranges.stream().filter(x -> x.contains(va)).findFirst().orElse(null);
            if (in == null || in.physical() + (va - in.start()) != pa) {
                wrong.add(row[0] + " " + row[2] + " -> " + row[3] + ": " + in);
            }
            checked++;
        }
        assertEquals(List.of(), wrong, set);
        assertTrue(checked > 50, set + ": " + checked + " truth rows checked");
    }

    @Test
    void textListsRangesUnderTheirRegionsWithLevelNames() {
        String dump = Corpus.dump("x86_64-6.1-qemu-live", DUMP).toString();
        CliRun r = CliRun.of("ptdump", dump);
        assertEquals(0, r.status(), r::toString);
        List<String> lines = r.lines();
        assertTrue(lines.getFirst().matches("virtual\\s+size\\s+physical\\s+page\\s+level\\s+flags"), lines.getFirst());
        assertTrue(lines.contains("---[ direct map ]---"), "region headers");
        // _stext (0xffffffff8f000000 -> 0x7200000 in the vtop truth) is mapped by 2 MiB PD entries
        assertTrue(lines.stream().anyMatch(l -> l.matches("0xffffffff8f000000-0xffffffff[0-9a-f]+\\s+\\S+ \\S+\\s+0x7200000\\s+(2 MiB\\s+PD|4 KiB\\s+PT)\\s+.*")),
                String.join("\n", lines.subList(0, Math.min(40, lines.size()))));
        assertTrue(lines.getLast().matches("\\d+ ranges \\(end exclusive\\)"), lines.getLast());
    }

    @Test
    void rootChoosesTheTable() {
        String dump = Corpus.dump("x86_64-6.1-qemu-live", DUMP).toString();
        String root = CliRun.of("info", dump, "--json").json().get("kernelPageTable").asText();
        CliRun mine = CliRun.of("ptdump", dump, "--json");
        CliRun chosen = CliRun.of("ptdump", dump, "--root", root, "--json");
        assertEquals(0, chosen.status(), chosen::toString);
        assertEquals(mine.json(), chosen.json());
        CliRun empty = CliRun.of("ptdump", dump, "--root", "0x0", "--json");
        assertTrue(empty.json().size() < mine.json().size(), "page 0 is no kernel page table");
    }

    @Test
    void cpuChoosesItsRootRegister() {
        String dump = Corpus.dump("x86_64-6.1-qemu-live", DUMP).toString();
        CliRun r = CliRun.of("ptdump", dump, "--cpu", "1", "--json");
        assertEquals(0, r.status(), r::toString);
        boolean stext = false;
        for (JsonNode range : r.json()) {
            stext |= range.get("start").asText().equals("0xffffffff8f000000") && range.get("physical").asText().equals("0x7200000");
        }
        assertTrue(stext, "the kernel half is in every CR3's table: _stext -> 0x7200000");
        CliRun none = CliRun.of("ptdump", dump, "--cpu", "5", "--json");
        assertEquals(2, none.status());
        assertEquals("", none.out());
        assertEquals(1, none.errorLines().size(), none.stderr());
    }
}
