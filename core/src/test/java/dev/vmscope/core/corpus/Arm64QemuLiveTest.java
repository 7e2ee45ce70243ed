package dev.vmscope.core.corpus;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.testing.Corpus;
import dev.vmscope.core.testing.TruthChecks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The AArch64 QEMU dump (4 KiB granule, 48-bit VA, KASLR, negative PHYS_OFFSET) against libkdumpfile's truth. */
class Arm64QemuLiveTest {
    private static final String SET = "arm64-6.1-qemu-live";
    private static final String DUMP = "vmcore-qemu.elf";
    private static Session session;

    @BeforeAll
    static void open() {
        session = Session.open(Corpus.dump(SET, DUMP), OpenOptions.DEFAULT);
    }

    @AfterAll
    static void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void identifiesA4kGranule48BitKernel() {
        assertEquals(Architecture.AARCH64, session.dump().architecture());
        assertEquals("aarch64-4k-48", session.kernel().orElseThrow().mode().id());
        assertEquals(List.of("L0", "L1", "L2", "L3"),
                session.kernel().orElseThrow().mode().form().levels().stream().map(l -> l.name()).toList());
        assertEquals(2, session.dump().cpuCount());
    }

    @Test
    void everyTruthAddressTranslatesAsLibkdumpfileSays() {
        assertEquals(List.of(), TruthChecks.vtopMismatches(session, Corpus.file(SET, "libkdumpfile/" + DUMP + ".vtop.tsv")));
    }

    @Test
    void batchTranslationAgreesWithTheWalk() {
        assertEquals(List.of(), TruthChecks.batchMismatches(session, Corpus.file(SET, "libkdumpfile/" + DUMP + ".vtop.tsv")));
    }

    @Test
    void ptdumpCoversEveryTruthTranslation() {
        assertEquals(List.of(), TruthChecks.ptdumpMisses(session, Corpus.file(SET, "libkdumpfile/" + DUMP + ".vtop.tsv")));
    }

    @Test
    void physicalBytesMatchTheTruth() {
        assertEquals(List.of(), TruthChecks.pbytesMismatches(session, Corpus.file(SET, "libkdumpfile/" + DUMP + ".pbytes.tsv"), Space.PHYSICAL));
    }

    @Test
    void prstatusRegistersMatchLibkdumpfile() {
        assertEquals(List.of(), TruthChecks.prstatusMismatches(session, Corpus.file(SET, "libkdumpfile/" + DUMP + ".info.json")));
    }
}
