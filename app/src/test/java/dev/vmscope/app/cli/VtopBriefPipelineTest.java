package dev.vmscope.app.cli;

import dev.vmscope.core.Hex;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.testing.Corpus;
import dev.vmscope.core.testing.TruthFiles;
import dev.vmscope.core.xlat.BatchTranslator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code vtop --from FILE --brief} on several threads: the lines come out in input order, whatever the blocks. */
class VtopBriefPipelineTest {
    private static final String SET = "x86_64-6.1-qemu-live";
    private static final String DUMP = "vmcore-qemu.elf";

    private static Path dump;
    private static Session session;
    private static List<String[]> truth;

    @TempDir
    Path dir;

    @BeforeAll
    static void open() {
        dump = Corpus.dump(SET, DUMP);
        session = Session.open(dump, OpenOptions.DEFAULT);
        truth = TruthFiles.rows(Corpus.file(SET, "libkdumpfile/" + DUMP + ".vtop.tsv"));
    }

    @AfterAll
    static void close() {
        session.close();
    }

    /**
     * Addresses near those of the truth file, some unmapped, written in every accepted form,
     * with blank and comment lines between; and the lines one translator makes of them.
     */
    private record Input(String text, String expected, long unmapped) {
        static Input of(int count, long seed) {
            Random random = new Random(seed);
            long[] bases = truth.stream().mapToLong(row -> Hex.parse(row[2])).toArray();
            BatchTranslator t = session.batchTranslator();
            StringBuilder text = new StringBuilder();
            StringBuilder expected = new StringBuilder();
            long unmapped = 0;
            for (int i = 0; i < count; i++) {
                long va = bases[random.nextInt(bases.length)] + random.nextInt(1 << 22) - (1 << 21);
                switch (random.nextInt(8)) {
                    case 0 -> text.append("  0X").append(Long.toHexString(va).toUpperCase()).append(" \r\n");
                    case 1 -> text.append(Long.toHexString(va)).append("\r\n\n# comment\n");
                    case 2 -> text.append("\t0x").append(Long.toHexString(va)).append('\n');
                    default -> text.append("0x").append(Long.toHexString(va)).append('\n');
                }
                long pa = t.translate(va);
                unmapped += pa == BatchTranslator.UNMAPPED ? 1 : 0;
                expected.append(Hex.of(va)).append(' ').append(pa == BatchTranslator.UNMAPPED ? "-" : Hex.of(pa)).append('\n');
            }
            return new Input(text.toString(), expected.toString(), unmapped);
        }

        InputStream stream() {
            return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void manyBlocksOnSeveralThreadsComeOutInInputOrder() {
        Input input = Input.of(400_000, 1);
        assertTrue(input.text().length() > 20 * AddressInput.BLOCK, "many blocks");
        assertTrue(input.unmapped() > 0 && input.unmapped() < 400_000, "mapped and unmapped addresses");
        for (int threads : new int[] {1, 3, 8}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Streams io = new Streams(InputStream.nullInputStream(), out);
            BriefOutput output = new BriefOutput(io);
            try (AddressInput in = AddressInput.open("-", input.stream())) {
                BriefPipeline.run(in, output, session::batchTranslator, threads);
            }
            output.finish();
            assertEquals(input.expected(), out.toString(StandardCharsets.US_ASCII), threads + " threads");
        }
    }

    @Test
    void aFileGivesTheLinesAndTheSummaryOfTheUnmapped() throws IOException {
        Input input = Input.of(50_000, 2);
        Path list = Files.writeString(dir.resolve("list"), input.text());
        CliRun r = CliRun.of("vtop", dump.toString(), "--brief", "--from", list.toString());
        assertEquals(input.expected(), r.out());
        assertEquals(1, r.status());
        assertEquals(1, r.errorLines().size(), r.stderr());
        assertTrue(r.stderr().startsWith("vmscope: " + input.unmapped() + " of 50000 addresses are not mapped; the first: virtual address "),
                r.stderr());
    }

    @Test
    void standardInputGoesThroughTheSameLines() {
        Input input = Input.of(30_000, 3);
        CliRun r = CliRun.withInput(input.stream(), "vtop", dump.toString(), "--brief", "--from", "-");
        assertEquals(input.expected(), r.out());
        assertEquals(1, r.status());
    }

    @Test
    void aBadLineDeepInTheFileIsNamedAfterTheLinesBeforeIt() throws IOException {
        Input input = Input.of(60_000, 4);
        List<String> lines = input.text().lines().toList();
        int bad = 3 * lines.size() / 4;
        String text = String.join("\n", lines.subList(0, bad - 1)) + "\nffffffff8100000q\n" + String.join("\n", lines.subList(bad, lines.size()));
        Path list = Files.writeString(dir.resolve("list"), text);
        CliRun r = CliRun.of("vtop", dump.toString(), "--brief", "--from", list.toString());
        assertEquals(2, r.status());
        assertEquals(List.of("vmscope: not a hexadecimal number: 'ffffffff8100000q' (" + list + ", line " + bad + ")"), r.errorLines());
        long before = lines.subList(0, bad - 1).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
        assertEquals(before, r.lines().size());
        assertTrue(input.expected().startsWith(r.out()));
    }

    @Test
    void anEmptyFileGivesNothing() throws IOException {
        Path list = Files.writeString(dir.resolve("list"), "");
        CliRun r = CliRun.of("vtop", dump.toString(), "--brief", "--from", list.toString());
        assertEquals(0, r.status(), r::toString);
        assertEquals("", r.out());
        assertEquals("", r.stderr());
    }

    @Test
    void aSessionThatCannotTranslateFailsBeforeTheInputIsRead() {
        boolean[] read = {false};
        InputStream watched = new InputStream() {
            @Override
            public int read() {
                read[0] = true;
                return -1;
            }
        };
        BriefOutput output = new BriefOutput(new Streams(InputStream.nullInputStream(), new ByteArrayOutputStream()));
        try (AddressInput in = AddressInput.open("-", watched)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> BriefPipeline.run(in, output, () -> {
                throw new IllegalStateException("no kernel page tables");
            }, 2));
            assertEquals("no kernel page tables", e.getMessage());
        }
        assertEquals(false, read[0]);
    }

    @Test
    void aFailedReadNamesTheLineItStoppedAfter() {
        InputStream failing = new java.io.SequenceInputStream(new ByteArrayInputStream("1\n2\n3".getBytes(StandardCharsets.US_ASCII)),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("device gone");
                    }
                });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BriefOutput output = new BriefOutput(new Streams(InputStream.nullInputStream(), out));
        try (AddressInput in = AddressInput.open("-", failing)) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> BriefPipeline.run(in, output, session::batchTranslator, 2));
            assertEquals("java.io.IOException: reading standard input at line 2: device gone", e.getMessage());
        }
        assertEquals(2, out.toString(StandardCharsets.US_ASCII).lines().count(), "the lines before the failure");
    }
}
