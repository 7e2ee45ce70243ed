package dev.vmscope.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line's words, help, version and usage errors, none of which needs a dump. */
class CliUsageTest {
    @TempDir
    Path dir;

    @Test
    void handlesTheCommandsAndLeavesEverythingElseToTheGui() {
        for (String word : List.of("info", "vtop", "rd", "regs", "map", "ptdump", "ptov", "p2m", "convert", "help", "--help", "-h", "--version")) {
            assertTrue(Cli.handles(word), word);
        }
        for (String word : List.of("open", "vmcore", "/var/crash/vmcore", "PTDUMP", "INFO", "")) {
            assertFalse(Cli.handles(word), word);
        }
        assertFalse(Cli.handles(null));
    }

    @Test
    void versionIsOneLineNamingTheProgram() {
        CliRun r = CliRun.of("--version");
        assertEquals(0, r.status());
        assertEquals(1, r.lines().size());
        assertTrue(r.lines().getFirst().matches("vmscope \\S+"), r.out());
        assertEquals("", r.stderr());
    }

    @Test
    void helpListsEveryCommand() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"-h"}, new String[] {"help"})) {
            CliRun r = CliRun.of(args);
            assertEquals(0, r.status(), r::toString);
            for (String command : List.of("info", "vtop", "rd", "regs", "map", "ptdump", "ptov", "p2m", "convert")) {
                assertTrue(r.out().contains("  " + command + " "), command + " in\n" + r.out());
            }
        }
    }

    @Test
    void eachCommandBuiltAloneAnswersToItsOwnName() {
        for (String command : List.of("info", "vtop", "rd", "regs", "map", "ptdump", "ptov", "p2m", "convert")) {
            CliRun r = CliRun.of(command, "--help");
            assertEquals(0, r.status(), r::toString);
            assertTrue(r.out().startsWith("Usage: vmscope " + command + " "), r.out());
        }
    }

    @Test
    void helpOfOneCommandShowsItsOptions() {
        CliRun r = CliRun.of("help", "vtop");
        assertEquals(0, r.status());
        for (String option : List.of("--from", "--brief", "--json", "--root", "--cpu", "--vmcoreinfo", "SOURCE", "ADDR")) {
            assertTrue(r.out().contains(option), option);
        }
    }

    @Test
    void missingSourceIsUsage() {
        CliRun r = CliRun.of("info");
        assertEquals(2, r.status());
        assertEquals(List.of("vmscope: Missing required parameter: 'SOURCE' (vmscope help info shows the usage)"),
                r.errorLines());
        assertEquals(0, r.stdout().length);
    }

    @Test
    void unknownOptionIsUsage() {
        CliRun r = CliRun.of("map", "--frobnicate", "x");
        assertEquals(2, r.status());
        assertEquals(1, r.errorLines().size());
        assertTrue(r.stderr().startsWith("vmscope: Unknown option: '--frobnicate'"), r.stderr());
    }

    @Test
    void badAddressIsUsageAndNamesIt() throws IOException {
        Path file = Files.writeString(dir.resolve("notadump"), "text");
        CliRun r = CliRun.of("vtop", file.toString(), "ffffffff81000000", "0xfffz");
        assertEquals(2, r.status());
        assertEquals(List.of("vmscope: not a hexadecimal number: '0xfffz' (ADDR 2)"), r.errorLines());
    }

    @Test
    void addressLongerThan64BitsIsUsage() throws IOException {
        Path file = Files.writeString(dir.resolve("notadump"), "text");
        CliRun r = CliRun.of("rd", file.toString(), "0x1ffffffffffffffff");
        assertEquals(2, r.status());
        assertEquals(List.of("vmscope: not a 64-bit hexadecimal number: '0x1ffffffffffffffff' (ADDR)"), r.errorLines());
    }

    @Test
    void badRootIsUsage() throws IOException {
        Path file = Files.writeString(dir.resolve("notadump"), "text");
        CliRun r = CliRun.of("vtop", file.toString(), "--root", "cr3", "0");
        assertEquals(2, r.status());
        assertEquals(List.of("vmscope: not a hexadecimal number: 'cr3' (--root)"), r.errorLines());
    }

    @Test
    void vtopNeedsAddressesFromOnePlace() throws IOException {
        Path file = Files.writeString(dir.resolve("notadump"), "text");
        Path list = Files.writeString(dir.resolve("addrs"), "0\n");
        assertEquals(2, CliRun.of("vtop", file.toString()).status());
        CliRun both = CliRun.of("vtop", file.toString(), "0", "--from", list.toString());
        assertEquals(2, both.status());
        assertEquals(1, both.errorLines().size());
        CliRun briefJson = CliRun.of("vtop", file.toString(), "0", "--brief", "--json");
        assertEquals(List.of("vmscope: --brief and --json are two different outputs: choose one"), briefJson.errorLines());
    }

    @Test
    void missingAddressFileIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("notadump"), "text");
        Path missing = dir.resolve("no-such-list");
        CliRun r = CliRun.of("vtop", file.toString(), "--from", missing.toString());
        assertEquals(2, r.status());
        assertEquals(List.of("vmscope: cannot read the addresses of --from (" + missing + ": no such file)"), r.errorLines());
    }

    @Test
    void readLengthIsCapped() throws IOException {
        Path file = Files.writeString(dir.resolve("notadump"), "text");
        for (String length : List.of("0", "-1", "67108865", "0x4000001", "lots")) {
            CliRun r = CliRun.of("rd", file.toString(), "0", "--physical", "--length", length);
            assertEquals(2, r.status(), length);
            assertEquals(1, r.errorLines().size(), length);
            assertTrue(r.stderr().startsWith("vmscope: "), r.stderr());
            assertTrue(r.stderr().contains("--length"), r.stderr());
        }
    }

    @Test
    void readNamesOneSpace() throws IOException {
        Path file = Files.writeString(dir.resolve("notadump"), "text");
        CliRun r = CliRun.of("rd", file.toString(), "0", "--physical", "--machine");
        assertEquals(2, r.status());
        assertEquals(List.of("vmscope: --physical, --virtual and --machine name the space of ADDR: give one"), r.errorLines());
    }

    @Test
    void anAtSignIsPartOfAFileName() {
        Path source = dir.resolve("missing-dump");
        CliRun r = CliRun.of("info", "@" + source);
        assertEquals(2, r.status());
        assertEquals(List.of("vmscope: cannot open (@" + source + ": no such file)"), r.errorLines());
    }

    @Test
    void negativeCpuIsUsage() throws IOException {
        Path file = Files.writeString(dir.resolve("notadump"), "text", StandardCharsets.US_ASCII);
        CliRun r = CliRun.of("regs", file.toString(), "--cpu", "-1");
        assertEquals(2, r.status());
        assertEquals(List.of("vmscope: --cpu -1: a CPU number is 0 or more"), r.errorLines());
    }
}
