package dev.vmscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vmscope.core.Hex;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.testing.Corpus;
import dev.vmscope.core.testing.TruthFiles;
import dev.vmscope.core.testing.kdump.FlattenedWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code convert} of the x86-64 corpus kdump (makedumpfile, zlib) to an ELF vmcore and to a raw image: the
 * pages of the result equal those of the corpus ELF dump of the same machine, and libkdumpfile's bytes of
 * the kdump; the source is never the output.
 */
class ConvertCliTest {
    private static final String SET = "x86_64-6.1-qemu-live";
    private static final int PAGE = 4096;
    private static final int SAMPLE_EVERY = 257;

    private static String kdump;
    private static Path elf;

    @TempDir
    Path dir;

    @BeforeAll
    static void restore() {
        kdump = Corpus.dump(SET, "vmcore-qemu.kdump-zlib").toString();
        elf = Corpus.dump(SET, "vmcore-qemu.elf");
    }

    /** Page addresses spread over the converted dump's present memory. */
    private static List<Long> samplePages(Session converted) {
        List<Long> out = new ArrayList<>();
        long n = 0;
        for (MemoryRange r : converted.memory().ranges()) {
            if (r.kind() != RangeKind.RAM) {
                continue;
            }
            for (long pa = r.start(); pa < r.end(); pa += PAGE) {
                if (n++ % SAMPLE_EVERY == 0) {
                    out.add(pa);
                }
            }
        }
        return out;
    }

    @Test
    void elfHasTheCorpusElfsPages() throws IOException {
        Path out = dir.resolve("converted.elf");
        CliRun r = CliRun.of("convert", kdump, "--to", "elf", out.toString(), "--json");
        assertEquals(0, r.status(), r::toString);
        assertEquals("", r.stderr());
        JsonNode result = r.json();
        assertEquals("elf", result.get("format").asText());
        assertEquals(Files.size(dir.resolve("converted.elf")), 0L + result.get("fileSize").asLong());
        try (Session converted = Session.open(out, OpenOptions.DEFAULT); Session original = Session.open(elf, OpenOptions.DEFAULT)) {
            // QEMU wrote the kdump (dump-guest-memory): its QEMU CPU notes come along, so the ELF reads as QEMU's
            assertEquals("elf-qemu", converted.dump().format());
            List<Long> pages = samplePages(converted);
            assertTrue(pages.size() > 100, pages.size() + " pages sampled");
            for (long pa : pages) {
                assertArrayEquals(original.read(Space.PHYSICAL, pa, PAGE), converted.read(Space.PHYSICAL, pa, PAGE), Hex.of(pa));
            }
            assertEquals(original.dump().vmcoreinfo().orElseThrow().osRelease(), converted.dump().vmcoreinfo().orElseThrow().osRelease());
        }
    }

    @Test
    void rawImageOpensAtItsBaseWithLibkdumpfilesBytes() {
        Path out = dir.resolve("converted.raw");
        CliRun r = CliRun.of("convert", kdump, "--to", "raw", out.toString(), "--json");
        assertEquals(0, r.status(), r::toString);
        String openAs = r.json().get("openAs").asText();
        assertEquals(out + "@" + r.json().get("rawBase").asText(), openAs);
        int checked = 0;
        for (String[] row : TruthFiles.rows(Corpus.file(SET, "libkdumpfile/vmcore-qemu.kdump-zlib.pbytes.tsv"))) {
            if (!row[1].matches("[0-9a-f]{128}")) {
                continue;
            }
            CliRun rd = CliRun.of("rd", openAs, row[0], "--physical", "--length", "64", "--json");
            assertEquals(0, rd.status(), () -> row[0] + ": " + rd);
            assertEquals(row[1], rd.json().get("bytes").asText(), row[0]);
            checked++;
        }
        assertTrue(checked > 20, checked + " truth rows");
    }

    @Test
    void textSaysWhatWasWritten() {
        Path out = dir.resolve("text.raw");
        CliRun r = CliRun.of("convert", kdump, "--to", "raw", out.toString());
        assertEquals(0, r.status(), r::toString);
        assertEquals(1, r.lines().size(), r.out());
        assertTrue(r.out().startsWith("wrote raw image " + out + ": "), r.out());
        assertTrue(r.out().strip().endsWith("open it as " + out + "@0x0"), r.out());
    }

    @Test
    void theSourceIsNeverTheOutput() throws IOException {
        Path copy = Files.copy(Path.of(kdump), dir.resolve("source.kdump"));
        byte[] before = Files.readAllBytes(copy);
        Path link = Files.createSymbolicLink(dir.resolve("link.kdump"), copy);
        for (Path out : List.of(copy, link)) {
            CliRun r = CliRun.of("convert", copy.toString(), "--to", "elf", out.toString());
            assertEquals(2, r.status(), r::toString);
            assertEquals(1, r.errorLines().size(), r.stderr());
            assertTrue(r.stderr().startsWith("vmscope: refusing to write " + out), r.stderr());
        }
        assertArrayEquals(before, Files.readAllBytes(copy));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "nothing left beside the source");
        }
    }

    @Test
    void aFlattenedKdumpWrittenBackAsAKdumpIsTheOriginalFile() throws IOException {
        byte[] original = Files.readAllBytes(Path.of(kdump));
        Path flat = Files.write(dir.resolve("shuffled.flat"), FlattenedWriter.flatten(original, 65536, "shuffled", 3));
        Path out = dir.resolve("back.kdump");
        CliRun r = CliRun.of("convert", flat.toString(), "--to", "kdump", out.toString(), "--json");
        assertEquals(0, r.status(), r::toString);
        assertEquals("kdump", r.json().get("format").asText());
        assertEquals(original.length, r.json().get("fileSize").asLong());
        assertEquals(-1, Files.mismatch(out, Path.of(kdump)), "the rearranged file is the kdump that was flattened");

        CliRun text = CliRun.of("convert", flat.toString(), "--to", "kdump", dir.resolve("text.kdump").toString());
        assertTrue(text.out().startsWith("wrote compressed kdump " + dir.resolve("text.kdump") + ": "), text.out());
        assertTrue(text.out().strip().endsWith("pieces of flattened records"), text.out());
    }

    @Test
    void onlyAFlattenedKdumpBecomesAKdump() {
        Path out = dir.resolve("x.kdump");
        CliRun r = CliRun.of("convert", kdump, "--to", "kdump", out.toString());
        assertEquals(2, r.status(), r::toString);
        assertEquals(1, r.errorLines().size(), r.stderr());
        assertTrue(r.stderr().startsWith("vmscope: only a flattened compressed kdump can be written back"), r.stderr());
        assertFalse(Files.exists(out));
        CliRun zeroFill = CliRun.of("convert", kdump, "--to", "kdump", "--zero-fill", out.toString());
        assertEquals(2, zeroFill.status(), zeroFill::toString);
        assertTrue(zeroFill.stderr().startsWith("vmscope: --zero-fill:"), zeroFill.stderr());
    }

    @Test
    void unknownFormatIsAUsageError() {
        Path out = dir.resolve("x.out");
        CliRun r = CliRun.of("convert", kdump, "--to", "lime", out.toString());
        assertEquals(2, r.status());
        assertEquals(List.of("vmscope: --to lime: the formats are elf, raw and kdump"), r.errorLines());
        assertFalse(Files.exists(out));
        assertEquals(2, CliRun.of("convert", kdump, out.toString()).status(), "--to is required");
    }
}
