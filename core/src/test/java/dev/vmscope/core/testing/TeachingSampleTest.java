package dev.vmscope.core.testing;

import dev.vmscope.core.Hex;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.kernel.KernelFacts;
import dev.vmscope.core.kernel.VirtualRegion;
import dev.vmscope.core.notes.CpuState;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed teaching sample is exactly what {@link TeachingSample} describes, and shows what its
 * README says it shows: every row of the README's physical-memory and address tables is checked.
 */
class TeachingSampleTest {
    private static Path file;
    private static Session session;

    @BeforeAll
    static void open() {
        file = SampleFiles.locate(TeachingSample.PATH);
        session = Session.open(file, OpenOptions.DEFAULT);
    }

    @AfterAll
    static void close() {
        session.close();
    }

    @Test
    void committedFileIsWhatTheGeneratorWrites() throws IOException {
        byte[] regenerated = ElfCoreWriter.write(TeachingSample.spec()).bytes();
        assertArrayEquals(regenerated, Files.readAllBytes(file),
                "resources/samples/x86_64-teaching.vmcore differs from TeachingSample: run TeachingSampleGenerator");
        assertTrue(regenerated.length <= 256 * 1024, "the sample stays small: " + regenerated.length + " bytes");
    }

    @Test
    void itIsAQemuElfOfTwoCpusWithTheirOwnRoots() {
        assertEquals("elf-qemu", session.dump().format());
        assertEquals("x86_64", session.dump().architecture().id());
        assertEquals(2, session.dump().cpuCount());
        for (int cpu = 0; cpu < 2; cpu++) {
            int n = cpu;
            List<String> sources = session.dump().cpus().stream().filter(c -> c.cpu() == n).map(CpuState::source).toList();
            assertEquals(List.of(CpuState.PRSTATUS, CpuState.QEMU), sources);
        }
        assertEquals(0x2401000L, session.cpuPageTableRoot(0).orElseThrow());
        assertEquals(0x5000000L, session.cpuPageTableRoot(1).orElseThrow());
        CpuState user = session.dump().cpus().stream().filter(c -> c.cpu() == 1 && c.source().equals(CpuState.PRSTATUS))
                .findFirst().orElseThrow();
        assertEquals(0x400000L, user.register("rip").orElseThrow().value());
        assertEquals(0x33L, user.register("cs").orElseThrow().value());
    }

    @Test
    void vmcoreinfoNamesTheSampleAndGivesTheKernelsRoot() {
        assertEquals("6.1.0-vmscope-teaching-sample", session.dump().vmcoreinfo().orElseThrow().osRelease().orElseThrow());
        assertEquals(4096, session.dump().vmcoreinfo().orElseThrow().pageSize().orElseThrow());
        KernelFacts k = session.kernel().orElseThrow();
        assertEquals("x86_64-4level", k.mode().id());
        assertEquals(0xffffffff81401000L - 0xffffffff80000000L + 0x1000000L, k.pageTableRoot());
        assertEquals(0x1000000L, k.physBase());
        assertEquals(0, k.kaslrOffset());
        VirtualRegion direct = k.layout().stream().filter(r -> r.name().equals("direct map")).findFirst().orElseThrow();
        assertEquals(0xffff888000000000L, direct.start());
        assertEquals(0xffff888080000000L, direct.end());
        assertTrue(k.layout().stream().anyMatch(r -> r.name().equals("kernel text") && r.start() == 0xffffffff80000000L));
    }

    @Test
    void physicalMemoryIsAsTheReadmeSays() throws IOException {
        List<String> expected = new ArrayList<>();
        for (List<String> row : SampleFiles.table(readme(), "## Physical memory", "start")) {
            expected.add(row.get(0) + " " + row.get(1) + " " + row.get(2));
        }
        List<String> actual = session.memory().ranges().stream()
                .map(r -> Hex.of(r.start()) + " " + Hex.of(r.end()) + " " + r.kind().id()).toList();
        assertEquals(expected, actual);
    }

    @Test
    void everyAddressOfTheReadmeWalksAsItSays() throws IOException {
        List<String> wrong = new ArrayList<>();
        List<List<String>> rows = SampleFiles.table(readme(), "## Addresses worth walking", "virtual");
        assertTrue(rows.size() >= 10, "rows: " + rows.size());
        for (List<String> row : rows) {
            long va = Hex.parse(row.get(0));
            long root = row.get(1).equals("kernel") ? 0x2401000L : 0x5000000L;
            Translation t = session.translate(va, root);
            String said = String.join(" | ", row.subList(0, 5));
            String found = row.get(0) + " | " + row.get(1) + " | " + describe(t);
            if (!said.equals(found)) {
                wrong.add("README: " + said + "\n found: " + found);
            }
        }
        assertEquals("", String.join("\n", wrong));
    }

    private static String describe(Translation t) {
        if (t.result() instanceof WalkResult.Mapped m) {
            String size = switch ((int) Long.numberOfTrailingZeros(m.pageSize())) {
                case 12 -> "4 KiB";
                case 21 -> "2 MiB";
                case 30 -> "1 GiB";
                default -> Hex.of(m.pageSize());
            };
            return Hex.of(m.address()) + " | " + size + " | " + String.join(" ", m.permissions().words());
        }
        WalkResult.Fault f = (WalkResult.Fault) t.result();
        return (f.reason().endsWith("not present") ? "not present: " : f.kind() + ": ") + f.level() + " | – | –";
    }

    @Test
    void readablePagesHoldWhatTheReadmeQuotes() {
        String banner = text(session.read(Space.KERNEL_VIRTUAL, 0xffffffff81400000L, 96));
        assertTrue(banner.startsWith("Linux version 6.1.0-vmscope-teaching-sample (vmscope teaching sample)"), banner);
        assertArrayEquals(new byte[] {(byte) 0xfb, (byte) 0xf4, (byte) 0xeb, (byte) 0xfc},
                session.read(Space.PHYSICAL, 0x2000100, 4));
        assertArrayEquals(new byte[] {(byte) 0xeb, (byte) 0xfe}, session.read(Space.PHYSICAL, 0x5004000, 2));
        String hello = text(session.read(Space.KERNEL_VIRTUAL, 0xffff888005005000L, 22));
        assertEquals("hello from user space:", hello);
        assertArrayEquals(new byte[4096], session.read(Space.KERNEL_VIRTUAL, 0xffff888000001000L, 4096));
    }

    @Test
    void theReadmesWorkedWalkMatchesEveryStep() throws IOException {
        Translation t = session.translate(0xffffffff81400000L);
        List<List<String>> rows = SampleFiles.table(readme(), "### Two walks worked by hand", "level");
        assertEquals(rows.stream().map(r -> String.join(" ", r.subList(0, 5))).collect(Collectors.toList()),
                t.steps().stream().map(s -> s.level() + " " + Hex.of(s.table()) + " " + s.index() + " "
                        + Hex.of(s.entryAddress()) + " " + Hex.of(s.entry())).collect(Collectors.toList()));
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static String readme() throws IOException {
        return Files.readString(SampleFiles.locate("resources/samples/README.md"));
    }

    @Test
    void rangesCoverTwoGibibytes() {
        MemoryRange last = session.memory().ranges().getLast();
        assertEquals(0x80000000L, last.end());
    }
}
