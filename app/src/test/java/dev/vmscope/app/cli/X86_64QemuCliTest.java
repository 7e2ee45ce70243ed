package dev.vmscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vmscope.core.Hex;
import dev.vmscope.core.testing.Corpus;
import dev.vmscope.core.testing.TruthFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line on the x86-64 QEMU ELF dump, against libkdumpfile's, QEMU's and the kernel's truth. */
class X86_64QemuCliTest {
    private static final String SET = "x86_64-6.1-qemu-live";
    private static final String DUMP = "vmcore-qemu.elf";

    private static String dump;
    private static List<String[]> vtopTruth;

    @TempDir
    Path dir;

    @BeforeAll
    static void restore() {
        dump = Corpus.dump(SET, DUMP).toString();
        vtopTruth = TruthFiles.rows(Corpus.file(SET, "libkdumpfile/" + DUMP + ".vtop.tsv"));
    }

    /** The truth's answer for one row: the physical address, or null where it says unmapped. */
    private static String truthPhysical(String[] row) {
        return row[3].startsWith("unmapped") ? null : Hex.of(Hex.parse(row[3]));
    }

    private Path addressFile() throws IOException {
        StringBuilder b = new StringBuilder("# every address of the vtop truth\n");
        for (String[] row : vtopTruth) {
            b.append(row[2]).append('\n');
        }
        return Files.writeString(dir.resolve("addrs.txt"), b.toString());
    }

    private static long unmappedRows() {
        return vtopTruth.stream().filter(r -> truthPhysical(r) == null).count();
    }

    @Test
    void vtopJsonGivesEveryTruthPhysicalAddress() throws IOException {
        CliRun r = CliRun.of("vtop", dump, "--json", "--from", addressFile().toString());
        JsonNode all = r.json();
        assertEquals(vtopTruth.size(), all.size());
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < vtopTruth.size(); i++) {
            String[] row = vtopTruth.get(i);
            JsonNode t = all.get(i);
            assertEquals(Hex.of(Hex.parse(row[2])), t.get("address").asText());
            String expected = truthPhysical(row);
            boolean mapped = t.get("mapped").asBoolean();
            String ours = mapped ? t.get("physical").asText() : null;
            if (expected == null ? mapped : !expected.equals(ours)) {
                mismatches.add(row[0] + " " + row[2] + ": truth " + row[3] + ", vmscope " + t);
            }
            if (!mapped) {
                assertTrue(t.get("physical").isNull() && t.get("pageSize").isNull(), t::toString);
                assertTrue(t.get("fault").asText().matches("(PML4|PDPT|PD|PT) entry not present"), t::toString);
            }
        }
        assertEquals(List.of(), mismatches);
        assertTrue(unmappedRows() > 0, "the truth has unmapped rows");
        assertEquals(1, r.status(), "some addresses are unmapped");
        assertEquals(1, r.errorLines().size(), r.stderr());
        assertTrue(r.stderr().startsWith("vmscope: " + unmappedRows() + " of " + vtopTruth.size()
                + " addresses are not mapped; the first: virtual address "), r.stderr());
    }

    @Test
    void vtopJsonHasTheContractFields() {
        CliRun r = CliRun.of("vtop", dump, "--json", vtopTruth.getFirst()[2]);
        assertEquals(0, r.status(), r::toString);
        JsonNode t = r.json().get(0);
        for (String field : List.of("address", "root", "pagingMode", "mapped", "physical", "machine", "pageSize", "steps", "fault")) {
            assertTrue(t.has(field), field);
        }
        assertEquals("x86_64-4level", t.get("pagingMode").asText());
        assertTrue(t.get("machine").isNull());
        assertTrue(t.get("fault").isNull());
        List<String> levels = new ArrayList<>();
        for (JsonNode step : t.get("steps")) {
            levels.add(step.get("level").asText());
            for (String field : List.of("table", "index", "entryAddress", "entry", "flags")) {
                assertTrue(step.has(field), field);
            }
            assertTrue(step.get("entryAddress").asText().matches("0x[0-9a-f]+"));
            assertTrue(step.get("flags").isArray());
        }
        assertEquals(List.of("PML4", "PDPT", "PD", "PT").subList(0, levels.size()), levels);
        assertEquals(t.get("root").asText(), t.get("steps").get(0).get("table").asText());
    }

    @Test
    void vtopBriefEqualsTheTruth() throws IOException {
        CliRun r = CliRun.of("vtop", dump, "--brief", "--from", addressFile().toString());
        List<String> expected = new ArrayList<>();
        for (String[] row : vtopTruth) {
            String pa = truthPhysical(row);
            expected.add(Hex.of(Hex.parse(row[2])) + " " + (pa == null ? "-" : pa));
        }
        assertEquals(expected, r.lines());
        assertEquals(1, r.status());
        assertEquals(1, r.errorLines().size());
    }

    @Test
    void vtopBriefReadsStandardInput() {
        StringBuilder in = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (String[] row : vtopTruth) {
            if (truthPhysical(row) != null) {
                in.append(row[2].substring(2)).append("\r\n\n");
                expected.add(Hex.of(Hex.parse(row[2])) + " " + truthPhysical(row));
            }
        }
        CliRun r = CliRun.withInput(new ByteArrayInputStream(in.toString().getBytes(StandardCharsets.US_ASCII)),
                "vtop", dump, "--brief", "--from", "-");
        assertEquals(0, r.status(), r::toString);
        assertEquals(expected, r.lines());
        assertEquals("", r.stderr());
    }

    @Test
    void unmappedAddressNamesTheLevel() {
        String[] row = vtopTruth.stream().filter(r -> r[3].contains("pmd[149]")).findFirst().orElseThrow();
        CliRun r = CliRun.of("vtop", dump, row[2]);
        assertEquals(1, r.status());
        assertEquals(List.of("vmscope: virtual address " + Hex.of(Hex.parse(row[2]))
                + " is not mapped: PD entry not present (PD[149] = 0x0)"), r.errorLines());
        assertTrue(r.out().contains("not mapped: PD entry not present"), r.out());
    }

    @Test
    void badLineOfTheAddressFileIsNamed() throws IOException {
        Path list = Files.writeString(dir.resolve("list"), "ffffffff8f000000\n\n# comment\nnot-an-address\n");
        CliRun r = CliRun.of("vtop", dump, "--brief", "--from", list.toString());
        assertEquals(2, r.status());
        assertEquals(List.of("vmscope: not a hexadecimal number: 'not-an-address' (" + list + ", line 4)"), r.errorLines());
    }

    @Test
    void vtopTextShowsEveryLevelAndTheResult() {
        String[] row = vtopTruth.getFirst();
        JsonNode json = CliRun.of("vtop", dump, "--json", row[2]).json().get(0);
        CliRun r = CliRun.of("vtop", dump, row[2]);
        assertEquals(0, r.status());
        String text = r.out();
        for (JsonNode step : json.get("steps")) {
            assertTrue(text.contains(step.get("entryAddress").asText() + " "), step.toString());
            assertTrue(text.contains(step.get("entry").asText() + " "), step.toString());
        }
        assertTrue(text.contains("=> physical " + truthPhysical(row) + " "), text);
    }

    @Test
    void physicalReadsEqualTheTruthBytes() {
        int rows = 0;
        for (String[] row : TruthFiles.rows(Corpus.file(SET, "libkdumpfile/" + DUMP + ".pbytes.tsv"))) {
            CliRun r = CliRun.of("rd", dump, row[0], "--physical", "--json", "--length", "64");
            if (row[1].startsWith("error")) {
                assertEquals(1, r.status(), row[0]);
                continue;
            }
            assertEquals(0, r.status(), () -> row[0] + ": " + r);
            JsonNode j = r.json();
            assertEquals(Hex.of(Hex.parse(row[0])), j.get("address").asText());
            assertEquals("physical", j.get("space").asText());
            assertEquals(row[1], j.get("bytes").asText(), row[0]);
            rows++;
        }
        assertTrue(rows > 30, "rows compared: " + rows);
    }

    @Test
    void virtualReadsEqualTheTruthBytes() {
        int rows = 0;
        for (String[] row : TruthFiles.rows(Corpus.file(SET, "libkdumpfile/" + DUMP + ".vbytes.tsv"))) {
            if (rows == 40) {
                break;
            }
            String va = row[row.length - 2];
            String bytes = row[row.length - 1];
            if (!bytes.matches("[0-9a-f]{128}")) {
                continue;
            }
            CliRun r = CliRun.of("rd", dump, va, "--json");
            assertEquals(0, r.status(), () -> va + ": " + r);
            assertEquals("virtual", r.json().get("space").asText());
            assertEquals(bytes, r.json().get("bytes").asText(), va);
            rows++;
        }
        assertTrue(rows > 20, "rows compared: " + rows);
    }

    @Test
    void readOutsideTheDumpIsStatusOne() {
        CliRun r = CliRun.of("rd", dump, "0xc000000", "--physical");
        assertEquals(1, r.status());
        assertEquals(List.of("vmscope: physical address 0xc000000 is not in the dump (" + dump + ")"), r.errorLines());
    }

    @Test
    void rawReadGivesTheBytesThemselves() {
        String[] row = TruthFiles.rows(Corpus.file(SET, "libkdumpfile/" + DUMP + ".pbytes.tsv")).getFirst();
        CliRun r = CliRun.of("rd", dump, row[0], "--physical", "--raw", "--length", "64");
        assertEquals(0, r.status());
        assertEquals(row[1], Hex.bytes(r.stdout()));
    }

    @Test
    void registersEqualPrstatusTruthAndQemuCr3() throws IOException {
        JsonNode truth = new ObjectMapper().readTree(Corpus.file(SET, "libkdumpfile/" + DUMP + ".info.json").toFile()).get("cpus");
        JsonNode regs = CliRun.of("regs", dump, "--json").json();
        Map<String, String> cr3 = qemuCr3();
        assertEquals(2, cr3.size());
        int prstatus = 0;
        int qemu = 0;
        for (JsonNode cpu : regs) {
            String n = cpu.get("cpu").asText();
            JsonNode values = cpu.get("registers");
            switch (cpu.get("source").asText()) {
                case "NT_PRSTATUS" -> {
                    JsonNode expected = truth.get(n).get("reg");
                    for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> reg = it.next();
                        assertEquals(reg.getValue().asText(), values.get(reg.getKey()).asText(), "cpu " + n + " " + reg.getKey());
                    }
                    prstatus++;
                }
                case "QEMU" -> {
                    assertEquals(cr3.get(n), values.get("cr3").asText(), "cpu " + n + " cr3");
                    qemu++;
                }
                default -> throw new AssertionError("unexpected source " + cpu);
            }
        }
        assertEquals(2, prstatus);
        assertEquals(2, qemu);
    }

    @Test
    void registersOfOneCpu() {
        JsonNode regs = CliRun.of("regs", dump, "--cpu", "1", "--json").json();
        assertEquals(Set.of(1), Set.copyOf(regs.findValues("cpu").stream().map(JsonNode::asInt).toList()));
        CliRun none = CliRun.of("regs", dump, "--cpu", "2");
        assertEquals(2, none.status());
        assertEquals(List.of("vmscope: --cpu 2: the dump has CPUs 0 to 1 (" + dump + ")"), none.errorLines());
    }

    @Test
    void cpuOptionWalksThatCpusPageTables() {
        Map<String, String> cr3 = qemuCr3();
        JsonNode t = CliRun.of("vtop", dump, "--cpu", "1", "--json", "0xffffffff8f000000").json().get(0);
        assertEquals(cr3.get("1"), t.get("root").asText());
    }

    /** CR3 per vCPU from QEMU's own 'info registers'. */
    private static Map<String, String> qemuCr3() {
        try {
            Map<String, String> out = new LinkedHashMap<>();
            String cpu = null;
            Pattern header = Pattern.compile("===== cpu-index (\\d+) =====");
            Pattern cr3 = Pattern.compile("\\bCR3=([0-9a-f]+)");
            for (String line : Files.readAllLines(Corpus.file(SET, "qemu-truth/info_registers.txt"))) {
                Matcher h = header.matcher(line);
                if (h.find()) {
                    cpu = h.group(1);
                }
                Matcher c = cr3.matcher(line);
                if (c.find() && cpu != null) {
                    out.put(cpu, Hex.of(Hex.parse(c.group(1))));
                }
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void infoJsonDescribesTheDump() throws IOException {
        JsonNode truth = new ObjectMapper().readTree(Corpus.file(SET, "libkdumpfile/" + DUMP + ".info.json").toFile());
        String uname = Files.readString(Corpus.file(SET, "truth/uname.txt")).split("\\s+")[2];
        CliRun r = CliRun.of("info", dump, "--json");
        assertEquals(0, r.status(), r::toString);
        JsonNode info = r.json();
        assertEquals(dump, info.get("source").asText());
        assertEquals("elf-qemu", info.get("format").asText());
        assertEquals("none", info.get("compression").asText());
        assertEquals(truth.get("arch.name").asText(), info.get("architecture").asText());
        assertEquals("x86_64-4level", info.get("pagingMode").asText());
        assertEquals(truth.get("arch.page_size").asInt(), info.get("pageSize").asInt());
        assertEquals(truth.get("cpu.number").asInt(), info.get("cpus").asInt());
        assertEquals(uname, info.get("kernelRelease").asText());
        assertEquals(truth.get("linux.uts.release").asText(), info.get("kernelRelease").asText());
        assertEquals(truth.get("linux.phys_base_hex_u64").asText(), info.get("physBase").asText());
        assertEquals(truth.get("linux.phys_base_signed").asLong(), info.get("physBaseSigned").asLong());
        assertEquals(Hex.of(Hex.parse(truth.get("vmcoreinfo_lines").get("KERNELOFFSET").asText())), info.get("kaslrOffset").asText());
        assertTrue(info.get("xen").isNull());
        JsonNode lines = truth.get("vmcoreinfo_lines");
        for (String key : List.of("OSRELEASE", "PAGESIZE", "SYMBOL(init_top_pgt)", "NUMBER(phys_base)", "KERNELOFFSET")) {
            assertEquals(lines.get(key).asText(), info.get("vmcoreinfo").get(key).asText(), key);
        }
        List<String> notes = new ArrayList<>();
        for (JsonNode n : info.get("notes")) {
            notes.add(n.get("name").asText() + "/" + n.get("type").asInt() + "/" + n.get("size").asInt());
        }
        assertEquals(List.of("CORE/1/336", "CORE/1/336", "QEMU/0/440", "QEMU/0/440",
                "VMCOREINFO/0/" + truth.get("vmcoreinfo_raw_len").asInt()), notes);
    }

    @Test
    void infoJsonPhysicalRangesCoverTheKernelsRam() throws IOException {
        JsonNode ranges = CliRun.of("info", dump, "--json").json().get("physicalRanges");
        Pattern ram = Pattern.compile("^\\s*([0-9a-f]+)-([0-9a-f]+) : System RAM$");
        int checked = 0;
        for (String line : Files.readAllLines(Corpus.file(SET, "truth/iomem.txt"))) {
            Matcher m = ram.matcher(line);
            if (!m.find()) {
                continue;
            }
            long start = Hex.parse(m.group(1));
            long endInclusive = Hex.parse(m.group(2));
            boolean covered = false;
            for (JsonNode r : ranges) {
                covered |= Hex.parse(r.get("start").asText()) <= start && endInclusive < Hex.parse(r.get("end").asText());
            }
            assertTrue(covered, line);
            checked++;
        }
        assertTrue(checked >= 2);
    }

    @Test
    void infoTextHasEveryHeaderFieldAndVmcoreinfoLine() {
        CliRun json = CliRun.of("info", dump, "--json");
        CliRun text = CliRun.of("info", dump);
        assertEquals(0, text.status());
        for (Iterator<Map.Entry<String, JsonNode>> it = json.json().get("vmcoreinfo").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            assertTrue(text.lines().contains("  " + e.getKey() + "=" + e.getValue().asText()), e.getKey());
        }
        assertTrue(text.out().contains("x86_64-4level"));
        assertTrue(text.out().contains("PT_LOAD"));
    }

    @Test
    void mapJsonListsRangesAndTheKernelLayout() {
        CliRun r = CliRun.of("map", dump, "--json");
        assertEquals(0, r.status(), r::toString);
        JsonNode map = r.json();
        List<String> kinds = new ArrayList<>();
        for (JsonNode p : map.get("physical")) {
            kinds.add(p.get("kind").asText());
        }
        assertTrue(kinds.contains("ram") && kinds.contains("hole"), kinds.toString());
        Map<String, String> regions = new LinkedHashMap<>();
        for (JsonNode v : map.get("virtual")) {
            regions.put(v.get("name").asText(), v.get("start").asText());
        }
        assertEquals(kernelVariable("page_offset_base"), regions.get("direct map"));
        assertEquals(kernelVariable("vmalloc_base"), regions.get("vmalloc"));
        assertEquals(kernelVariable("vmemmap_base"), regions.get("vmemmap"));
    }

    /** A 64-bit kernel variable as the live kernel returned it through /proc/kcore (little-endian bytes). */
    private static String kernelVariable(String name) {
        String[] row = TruthFiles.rows(Corpus.file(SET, "truth/kcore.bytes.tsv")).stream()
                .filter(r -> r[0].equals(name)).findFirst().orElseThrow();
        byte[] b = java.util.HexFormat.of().parseHex(row[4]);
        return Hex.of(dev.vmscope.core.io.Bytes.u64(b, 0, java.nio.ByteOrder.LITTLE_ENDIAN));
    }
}
