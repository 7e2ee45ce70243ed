package dev.vmscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vmscope.core.Hex;
import dev.vmscope.core.testing.Corpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line on the Xen host kdump (machine memory, Xen crash notes) against libkdumpfile's
 * attributes, the decoded notes and libkdumpfile's dom0 translations.
 */
class XenHostCliTest {
    private static final String SET = "xen";
    private static final Pattern ATTR = Pattern.compile("^(\\S+) = .*?\\(0x([0-9a-f]+)\\)$");
    private static final Pattern XLAT = Pattern.compile(
            "^([0-9a-f]{16}) (\\S+)\\s+kphys=([0-9a-f]+) mach=([0-9a-f]+) rdKV=([0-9a-f]{16}) rdMA=([0-9a-f]{16})$");

    /** One row of kdf-dom0-xlat: a dom0 symbol, its machine address, and the 8 bytes there as a little-endian word. */
    record Symbol(String va, String name, String pseudoPhysical, String machine, String word) {
    }

    private static String dump;
    private static Map<String, String> attrs;
    private static List<Symbol> symbols;

    @TempDir
    Path dir;

    @BeforeAll
    static void restore() throws IOException {
        dump = Corpus.dump(SET, "x1-xen-kdump.vmcore").toString();
        attrs = new HashMap<>();
        for (String line : Files.readAllLines(Corpus.file(SET, "truth/analysis/kdf-attrs.x1-vmcore.txt"))) {
            Matcher m = ATTR.matcher(line);
            if (m.find()) {
                attrs.put(m.group(1), "0x" + m.group(2));
            }
        }
        symbols = new ArrayList<>();
        for (String line : Files.readAllLines(Corpus.file(SET, "truth/analysis/kdf-dom0-xlat.x1-vmcore.txt"))) {
            Matcher m = XLAT.matcher(line);
            if (m.find()) {
                symbols.add(new Symbol("0x" + m.group(1), m.group(2), m.group(3), Hex.of(Hex.parse(m.group(4))), m.group(6)));
            }
        }
        assertEquals(106, symbols.size(), "rows of kdf-dom0-xlat");
    }

    /** The CR3 of each XEN_ELFNOTE_CRASH_REGS note, in note order, as the note decoder printed them. */
    private static List<String> crashRegsCr3() throws IOException {
        List<String> out = new ArrayList<>();
        boolean inCrashRegs = false;
        Pattern cr3 = Pattern.compile("^\\s+cr3 = (0x[0-9a-f]+)$");
        for (String line : Files.readAllLines(Corpus.file(SET, "truth/analysis/x1-vmcore.notes-decoded.txt"))) {
            if (line.startsWith("-- note ")) {
                inCrashRegs = line.contains("type=0x1000002");
            }
            Matcher m = cr3.matcher(line);
            if (inCrashRegs && m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** The dom0 kernel's top-level page table: the machine address of init_top_pgt in libkdumpfile's translations. */
    private static String dom0Root() {
        return symbols.stream().filter(s -> s.name().equals("init_top_pgt")).findFirst().orElseThrow().machine();
    }

    @Test
    void infoJsonHasTheXenFacts() {
        CliRun r = CliRun.of("info", dump, "--json");
        assertEquals(0, r.status(), r::toString);
        JsonNode info = r.json();
        assertEquals("elf-kdump", info.get("format").asText());
        assertEquals("x86_64", info.get("architecture").asText());
        assertEquals(Long.decode(attrs.get("cpu.number")).intValue(), info.get("cpus").asInt());
        assertEquals("machine", info.get("memorySpace").asText());
        // dom0's VMCOREINFO is no note of this dump: it is found by searching dom0's memory
        assertEquals(dom0Release(), info.get("vmcoreinfo").get("OSRELEASE").asText());
        JsonNode xen = info.get("xen");
        assertEquals(Long.decode(attrs.get("xen.version.major")) + "." + Long.decode(attrs.get("xen.version.minor")),
                xen.get("version").asText());
        assertEquals("4.17", xen.get("version").asText());
        assertEquals("4.17.7", xen.get("fullVersion").asText(), "README: Xen 4.17.7");
        assertEquals(attrs.get("xen.phys_start"), xen.get("physStart").asText());
        assertEquals("0x2f800000", xen.get("physStart").asText());
        assertEquals(attrs.get("xen.p2m_mfn"), xen.get("p2mFrameListList").asText());
        assertEquals("0x2ebd6", xen.get("p2mFrameListList").asText());
        assertEquals(0x14061, xen.get("maxPfn").asLong(), "README: dom0's max_pfn");
        assertEquals("tree", xen.get("p2mLayout").asText());
        assertEquals("16:52:28", xen.get("strings").get("xen_compile_time").asText());
        assertTrue(xen.get("dom0Vmcoreinfo").asText().contains("0x1553c000"),
                "README: dom0's note is at machine 0x1553c000: " + xen.get("dom0Vmcoreinfo"));
        assertEquals(attrs.get("xen.vmcoreinfo.SYMBOL.domain_list"),
                Hex.of(Hex.parse(xen.get("vmcoreinfo").get("SYMBOL(domain_list)").asText())));
    }

    @Test
    void infoTextHasTheXenBlock() {
        CliRun r = CliRun.of("info", dump);
        assertEquals(0, r.status(), r::toString);
        List<String> lines = r.lines();
        assertTrue(lines.contains("  version                   4.17.7") || lines.stream().anyMatch(l -> l.matches("  version\\s+4\\.17\\.7")),
                r.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("  dom0 p2m\\s+tree, max_pfn 0x14061 .*")), r.out());
    }

    @Test
    void vmcoreinfoFileGivesTheDom0Kernel() throws IOException {
        Path file = Corpus.file(SET, "truth/analysis/dom0-vmcoreinfo.from-x1.txt");
        Map<String, String> dom0 = new HashMap<>();
        Pattern attr = Pattern.compile("^attr (\\S+) = '?([^']*)'?$");
        for (String line : Files.readAllLines(Corpus.file(SET, "truth/analysis/kdf-dom0-xlat.x1-vmcore.txt"))) {
            Matcher m = attr.matcher(line);
            if (m.find()) {
                dom0.put(m.group(1), m.group(2));
            }
        }
        CliRun r = CliRun.of("info", dump, "--vmcoreinfo", file.toString(), "--json");
        assertEquals(0, r.status(), r::toString);
        JsonNode info = r.json();
        assertEquals(dom0.get("linux.uts.release"), info.get("kernelRelease").asText());
        assertEquals(dom0.get("linux.phys_base"), info.get("physBase").asText());
        assertEquals(Files.readAllLines(file).stream().filter(l -> l.contains("=")).count(), info.get("vmcoreinfo").size());
        assertTrue(info.get("xen").get("vmcoreinfo").size() > 0, "the dump's own VMCOREINFO_XEN stays");
    }

    @Test
    void registersIncludeXenCrashRegs() throws IOException {
        List<String> expected = crashRegsCr3();
        assertEquals(2, expected.size());
        JsonNode regs = CliRun.of("regs", dump, "--json").json();
        List<String> cr3 = new ArrayList<>();
        for (JsonNode cpu : regs) {
            if (cpu.get("source").asText().equals("XEN_CRASH_REGS")) {
                assertEquals(cr3.size(), cpu.get("cpu").asInt());
                cr3.add(cpu.get("registers").get("cr3").asText());
            }
            if (cpu.get("source").asText().equals("NT_PRSTATUS")) {
                String prefix = "cpu." + cpu.get("cpu").asInt() + ".reg.";
                for (String reg : List.of("rip", "rsp", "rflags", "cs", "gs_base")) {
                    assertEquals(attrs.get(prefix + reg), cpu.get("registers").get(reg).asText(), prefix + reg);
                }
            }
        }
        assertEquals(expected, cr3);
    }

    @Test
    void dom0WalksWithoutRootGiveLibkdumpfilesPseudoPhysicalAndMachineAddresses() throws IOException {
        walksMatchTheTruth();
    }

    @Test
    void dom0WalksFromItsMachineRootGiveTheSame() throws IOException {
        walksMatchTheTruth("--root", dom0Root());
    }

    /** Every symbol of kdf-dom0-xlat through vtop --json: its kphys and mach, and each table on both sides of the p2m. */
    private void walksMatchTheTruth(String... more) throws IOException {
        Path list = dir.resolve("dom0.txt");
        Files.write(list, symbols.stream().map(Symbol::va).toList());
        List<String> args = new ArrayList<>(List.of("vtop", dump, "--json", "--from", list.toString()));
        args.addAll(List.of(more));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.status(), r::toString);
        JsonNode all = r.json();
        assertEquals(symbols.size(), all.size());
        Map<Long, Long> p2m = XenP2mTruth.pfnToMfn();
        for (int i = 0; i < symbols.size(); i++) {
            Symbol s = symbols.get(i);
            JsonNode t = all.get(i);
            assertEquals(s.va(), t.get("address").asText());
            assertEquals(s.machine(), t.get("machine").asText(), s.name());
            assertEquals(Hex.of(Hex.parse(s.pseudoPhysical())), t.get("physical").asText(), s.name());
            assertEquals(dom0Root(), t.get("root").asText());
            for (JsonNode step : t.get("steps")) {
                assertEquals("machine", step.get("tableSpace").asText());
                long table = Hex.parse(step.get("table").asText());
                long machine = Hex.parse(step.get("tableMachine").asText());
                assertEquals(p2m.get(table >>> 12), machine >>> 12, s.name() + " " + step);
                assertEquals(table & 0xfff, machine & 0xfff);
            }
        }
    }

    @Test
    void vtopTextShowsBothAddressesOfTheResult() {
        Symbol text = symbols.getFirst();
        CliRun r = CliRun.of("vtop", dump, text.va());
        assertEquals(0, r.status(), r::toString);
        String result = r.lines().stream().filter(l -> l.startsWith("  => ")).findFirst().orElseThrow();
        assertTrue(result.startsWith("  => machine " + text.machine() + " (physical " + Hex.of(Hex.parse(text.pseudoPhysical())) + ")"),
                result);
    }

    @Test
    void ptdumpRangesGiveEachSymbolsPseudoPhysicalAndMachineAddress() {
        CliRun r = CliRun.of("ptdump", dump, "--json");
        assertEquals(0, r.status(), r::toString);
        JsonNode ranges = r.json();
        for (Symbol s : symbols) {
            long va = Hex.parse(s.va());
            JsonNode in = null;
            for (JsonNode range : ranges) {
                if (Long.compareUnsigned(va, Hex.parse(range.get("start").asText())) >= 0
                        && Long.compareUnsigned(va, Hex.parse(range.get("end").asText())) < 0) {
                    in = range;
                }
            }
            assertTrue(in != null, s.name());
            long offset = va - Hex.parse(in.get("start").asText());
            assertEquals(Hex.parse(s.machine()), Hex.parse(in.get("machine").asText()) + offset, s.name());
            assertEquals(Hex.parse(s.pseudoPhysical()), Hex.parse(in.get("physical").asText()) + offset, s.name());
        }
    }

    @Test
    void ptovTakesAPseudoPhysicalAddressThroughTheP2m() {
        Symbol text = symbols.getFirst();
        CliRun r = CliRun.of("ptov", dump, "0x" + text.pseudoPhysical(), "--json");
        assertEquals(0, r.status(), r::toString);
        JsonNode a = r.json().get(0);
        assertEquals(text.machine(), a.get("machine").asText());
        List<String> virtual = new ArrayList<>();
        a.get("virtual").forEach(v -> virtual.add(v.asText()));
        assertTrue(virtual.contains(text.va()), virtual.toString());
        // README: kexec-tools set the PT_LOADs' p_vaddr from dom0's direct map, 0xffff888000000000 + address
        assertEquals(Hex.of(0xffff888000000000L + Hex.parse(text.pseudoPhysical())), virtual.getFirst());
    }

    @Test
    void tableOutsideTheDumpIsAFaultWithTheEntryUnread() {
        long hole = -1;
        JsonNode ranges = CliRun.of("map", dump, "--json").json().get("physical");
        for (JsonNode r : ranges) {
            if (r.get("kind").asText().equals("hole")) {
                hole = Hex.parse(r.get("start").asText());
            }
        }
        assertTrue(hole > 0, "the dump has a hole (the crash kernel's area): " + ranges);
        CliRun r = CliRun.of("vtop", dump, "--root", Hex.of(hole), "--json", symbols.getFirst().va());
        assertEquals(1, r.status());
        JsonNode t = r.json().get(0);
        assertEquals(false, t.get("mapped").asBoolean());
        assertTrue(t.get("machine").isNull());
        assertEquals("PML4 table not in the dump", t.get("fault").asText());
        assertTrue(t.get("steps").get(0).get("entry").isNull());
        assertEquals(1, r.errorLines().size());
        assertTrue(r.stderr().contains("PML4 table not in the dump"), r.stderr());
    }

    @Test
    void cpuOneIsDom0() throws IOException {
        assertEquals(dom0Root(), crashRegsCr3().get(1));
        Symbol text = symbols.getFirst();
        JsonNode t = CliRun.of("vtop", dump, "--cpu", "1", "--json", text.va()).json().get(0);
        assertEquals(text.machine(), t.get("machine").asText());
    }

    @Test
    void machineReadsGiveTheBytesLibkdumpfileRead() {
        for (Symbol s : symbols.subList(0, 12)) {
            CliRun r = CliRun.of("rd", dump, s.machine(), "--machine", "--length", "8", "--json");
            assertEquals(0, r.status(), () -> s.name() + ": " + r);
            assertEquals("machine", r.json().get("space").asText());
            assertEquals(littleEndian(s.word()), r.json().get("bytes").asText(), s.name());
        }
    }

    @Test
    void virtualReadsThroughDom0TablesGiveTheSameBytes() {
        Symbol banner = symbols.stream().filter(s -> s.name().equals("linux_banner")).findFirst().orElseThrow();
        CliRun r = CliRun.of("rd", dump, banner.va(), "--root", dom0Root(), "--length", "8", "--json");
        assertEquals(0, r.status(), r::toString);
        assertEquals(littleEndian(banner.word()), r.json().get("bytes").asText());
    }

    @Test
    void physicalReadsOfAMachineDumpGoThroughDom0sP2m() {
        Symbol banner = symbols.stream().filter(s -> s.name().equals("linux_banner")).findFirst().orElseThrow();
        CliRun r = CliRun.of("rd", dump, "0x" + banner.pseudoPhysical(), "--physical", "--length", "8", "--json");
        assertEquals(0, r.status(), r::toString);
        assertEquals(littleEndian(banner.word()), r.json().get("bytes").asText());
    }

    /** The bytes in memory order of a word printed as a little-endian hex number. */
    private static String littleEndian(String word) {
        byte[] b = HexFormat.of().parseHex(word);
        byte[] reversed = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            reversed[i] = b[b.length - 1 - i];
        }
        return HexFormat.of().formatHex(reversed);
    }

    /** OSRELEASE of dom0's VMCOREINFO as read out of the dump at its machine address (truth/analysis). */
    private static String dom0Release() {
        try {
            return java.nio.file.Files.readAllLines(Corpus.file("xen", "truth/analysis/dom0-vmcoreinfo.from-x1.txt")).stream()
                    .filter(l -> l.startsWith("OSRELEASE=")).findFirst().orElseThrow().substring("OSRELEASE=".length());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
