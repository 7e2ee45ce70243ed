package dev.vmscope.core.format.lime;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.Hex;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Progress;
import dev.vmscope.core.Session;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.DumpFormats;
import dev.vmscope.core.format.SourceSpec;
import dev.vmscope.core.notes.NoteTypes;
import dev.vmscope.core.testing.Corpus;
import dev.vmscope.core.testing.TruthChecks;
import dev.vmscope.core.testing.TruthFiles;
import dev.vmscope.core.testing.kdump.ImageOfDump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LiME files and raw images of the corpus machines' memory: with VMCOREINFO given at open (they carry
 * none), they are walked like the ELF dumps of the same machines — also on arm64 and 32-bit ARM, whose
 * architecture only the VMCOREINFO names.
 */
class ImagesOfCorpusMemoryTest {
    @TempDir
    Path dir;

    /** The VMCOREINFO note of a corpus ELF, saved as the text file {@code --vmcoreinfo} takes. */
    private Path vmcoreinfoOf(Dump elf) throws IOException {
        byte[] text = elf.notes().stream().filter(n -> n.name().equals(NoteTypes.VMCOREINFO)).findFirst().orElseThrow().descriptor();
        return Files.write(dir.resolve("vmcoreinfo.txt"), text);
    }

    @Test
    void x86_64LimeGivesLibkdumpfilesTranslations() throws IOException {
        String set = "x86_64-6.1-qemu-live";
        try (Dump elf = DumpFormats.open(Corpus.dump(set, "vmcore-qemu.elf"))) {
            Path lime = ImageOfDump.lime(elf, dir.resolve("x86_64.lime"));
            try (Session s = Session.open(lime, OpenOptions.DEFAULT.withVmcoreinfo(vmcoreinfoOf(elf)))) {
                assertEquals("lime", s.dump().format());
                assertEquals(List.of(), TruthChecks.vtopMismatches(s, Corpus.file(set, "libkdumpfile/vmcore-qemu.elf.vtop.tsv")));
            }
        }
    }

    @Test
    void arm64LimeIsReadAsArm64OnceVmcoreinfoSaysSo() throws IOException {
        String set = "arm64-6.1-qemu-live";
        try (Session elf = Session.open(Corpus.dump(set, "vmcore-qemu.elf"), OpenOptions.DEFAULT)) {
            Path lime = ImageOfDump.lime(elf.dump(), dir.resolve("arm64.lime"));
            try (Session s = Session.open(lime, OpenOptions.DEFAULT.withVmcoreinfo(vmcoreinfoOf(elf.dump())))) {
                assertEquals(Architecture.AARCH64, s.dump().architecture());
                assertTrue(s.dump().header().stream().anyMatch(f -> f.value().equals("aarch64 (from VMCOREINFO)")));
                assertEquals(List.of(), TruthChecks.vtopMismatches(s, Corpus.file(set, "libkdumpfile/vmcore-qemu.elf.vtop.tsv")));
            }
        }
    }

    @Test
    void armRawImageAtItsBaseWalksAsTheElf() {
        String set = "armhf-6.1-lpae-qemu-live";
        OpenOptions options = OpenOptions.DEFAULT.withVmcoreinfo(Corpus.file(set, "qemu-truth/vmcoreinfo_note.pmemsave.bin"));
        try (Session elf = Session.open(Corpus.dump(set, "vmcore-qemu.elf"), options)) {
            Path raw = ImageOfDump.raw(elf.dump(), dir.resolve("ddr.bin"));
            long base = ImageOfDump.base(elf.dump());
            assertEquals(0x40000000L, base);
            Dump image = DumpFormats.open(SourceSpec.parse(raw + "@" + Hex.of(base)), false, Progress.NONE);
            try (Session s = Session.open(image, options)) {
                assertEquals(Architecture.ARM, s.dump().architecture());
                List<String> differ = new ArrayList<>();
                for (String[] row : TruthFiles.rows(Corpus.file(set, "addrs.tsv"))) {
                    long va = Hex.parse(row[2]);
                    String a = elf.translate(va).mapping().map(m -> Hex.of(m.address())).orElse("unmapped");
                    String b = s.translate(va).mapping().map(m -> Hex.of(m.address())).orElse("unmapped");
                    if (!a.equals(b)) {
                        differ.add(row[0] + ": ELF " + a + ", raw " + b);
                    }
                }
                assertEquals(List.of(), differ);
            }
        }
    }
}
