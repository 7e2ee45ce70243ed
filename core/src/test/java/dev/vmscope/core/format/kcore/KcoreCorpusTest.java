package dev.vmscope.core.format.kcore;

import dev.vmscope.core.Hex;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.DumpFormats;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.testing.Corpus;
import dev.vmscope.core.testing.TruthChecks;
import dev.vmscope.core.testing.TruthFiles;
import dev.vmscope.core.testing.kdump.KcoreCopy;
import dev.vmscope.core.xlat.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Saved copies of /proc/kcore of the x86-64, i386 (ELF32) and arm64 corpus kernels, built from the
 * header each kernel wrote ({@code truth/kcore.header.bin}) and the physical memory of the QEMU dump of
 * the same paused machine. Opened by content, their page-table walks must give libkdumpfile's
 * translations and the kernel's own statement of where each kcore address lives.
 */
class KcoreCorpusTest {
    private static final String SET = "x86_64-6.1-qemu-live";
    private static Session elf;
    private static Path copy;

    @BeforeAll
    static void build() throws IOException {
        elf = Session.open(Corpus.dump(SET, "vmcore-qemu.elf"), OpenOptions.DEFAULT);
        Path elfPath = Corpus.dump(SET, "vmcore-qemu.elf");
        copy = elfPath.resolveSibling("kcore.compact");
        if (!Files.isRegularFile(copy)) {
            KcoreCopy.compact(Files.readAllBytes(Corpus.file(SET, "truth/kcore.header.bin")), elf.memory(), copy);
        }
    }

    @AfterAll
    static void close() {
        if (elf != null) {
            elf.close();
        }
    }

    @Test
    void isRecognisedAsKcoreWithTheLiveVmcoreinfo() {
        try (Dump d = DumpFormats.open(copy)) {
            assertEquals("kcore", d.format());
            assertEquals("x86_64", d.architecture().id());
            assertEquals("6.1.0-56-amd64", d.vmcoreinfo().orElseThrow().osRelease().orElseThrow());
            assertTrue(d.header().stream().anyMatch(f -> f.name().equals("segments not saved in this file") && f.value().equals("4")));
        }
    }

    /** A compact copy of a set's kcore, built once beside its restored ELF. */
    private static Path copyOf(String set) throws IOException {
        Path elfPath = Corpus.dump(set, "vmcore-qemu.elf");
        Path out = elfPath.resolveSibling("kcore.compact");
        if (!Files.isRegularFile(out)) {
            try (Session e = Session.open(elfPath, OpenOptions.DEFAULT)) {
                KcoreCopy.compact(Files.readAllBytes(Corpus.file(set, "truth/kcore.header.bin")), e.memory(), out);
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86_64-6.1-qemu-live", "i386-pae-6.1-qemu-live", "arm64-6.1-qemu-live"})
    void everyTruthAddressTranslatesAsLibkdumpfileSaysAndAsTheKernelSaid(String set) throws IOException {
        try (Session kcore = Session.open(copyOf(set), OpenOptions.DEFAULT)) {
            assertEquals("kcore", kcore.dump().format());
            assertEquals(List.of(), TruthChecks.vtopMismatches(kcore, Corpus.file(set, "libkdumpfile/vmcore-qemu.elf.vtop.tsv")));
            List<String> wrong = new ArrayList<>();
            for (String[] row : TruthFiles.rows(Corpus.file(set, "truth/kcore.bytes.tsv"))) {
                Translation t = kcore.translate(Hex.parse(row[1]));
                String ours = t.mapping().map(m -> Hex.of(m.address())).orElse("unmapped");
                if (!ours.equals(row[3])) {
                    wrong.add(row[0] + " " + row[1] + ": the kernel said " + row[3] + ", kcore " + ours);
                }
            }
            assertEquals(List.of(), wrong);
        }
    }

    @Test
    void aSparseCopyAtTheKernelsOwnOffsetsReadsTheSame() throws IOException {
        Path shm = Path.of("/dev/shm");
        Assumptions.assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "no tmpfs at /dev/shm for a 128 TiB sparse file");
        Path sparse = Files.createTempFile(shm, "vmscope-kcore", ".sparse");
        try {
            KcoreCopy.sparse(Files.readAllBytes(Corpus.file(SET, "truth/kcore.header.bin")), elf.memory(), sparse);
            assertEquals(0x7fffc0004000L + 0x3f000000L, Files.size(sparse), "the modules segment ends last");
            try (Session kcore = Session.open(sparse, OpenOptions.DEFAULT)) {
                assertEquals("kcore", kcore.dump().format());
                long text = 0xffffffff8f000000L;
                assertEquals(0x7200000L, kcore.translate(text).mapping().orElseThrow().address());
                assertEquals(Hex.bytes(elf.read(Space.KERNEL_VIRTUAL, text, 4096)), Hex.bytes(kcore.read(Space.KERNEL_VIRTUAL, text, 4096)));
                assertTrue(kcore.dump().header().stream().anyMatch(f -> f.name().equals("segments not saved in this file")
                        && f.value().equals("0")));
            }
        } finally {
            Files.deleteIfExists(sparse);
        }
    }

    @Test
    void kernelSymbolsLiveWhereTheKernelSaidAndHoldWhatItRead() {
        Set<String> constant = Set.of("_text", "_stext", "linux_banner", "init_uts_ns", "__start_rodata",
                "phys_base", "page_offset_base", "vmalloc_base", "vmemmap_base");
        try (Session kcore = Session.open(copy, OpenOptions.DEFAULT)) {
            int checked = 0;
            for (String[] row : TruthFiles.rows(Corpus.file(SET, "truth/kcore.bytes.tsv"))) {
                long va = Hex.parse(row[1]);
                assertEquals(row[3], kcore.translate(va).mapping().map(m -> Hex.of(m.address())).orElse("unmapped"), row[0]);
                if (constant.contains(row[0])) {
                    int len = Integer.parseInt(row[2]);
                    assertEquals(row[4], Hex.bytes(kcore.read(Space.KERNEL_VIRTUAL, va, len)), row[0] + " bytes");
                }
                checked++;
            }
            assertEquals(21, checked);
        }
    }
}
