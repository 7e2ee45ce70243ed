package dev.vmscope.core.corpus;

import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.testing.Corpus;
import dev.vmscope.core.testing.TruthChecks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The checks every corpus dump with libkdumpfile truth must pass: each truth address translates to
 * libkdumpfile's physical address (or is unmapped where it says so), the batch translator agrees,
 * the ptdump covers every translation, physical bytes and PRSTATUS registers match.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LibkdumpfileTruthTest {
    protected Session session;

    /** The corpus set, e.g. {@code x86_64-6.1-qemu-live}. */
    abstract String set();

    /** The dump's name in the set's dumps/ folder (restored from .zst when needed). */
    abstract String dump();

    /** The libkdumpfile info.json whose PRSTATUS registers this dump must give. */
    Path registersTruth() {
        return Corpus.file(set(), "libkdumpfile/" + dump() + ".info.json");
    }

    @BeforeAll
    void open() {
        session = Session.open(Corpus.dump(set(), dump()), OpenOptions.DEFAULT);
    }

    @AfterAll
    void close() {
        if (session != null) {
            session.close();
        }
    }

    Path truth(String kind) {
        return Corpus.file(set(), "libkdumpfile/" + dump() + "." + kind + ".tsv");
    }

    @Test
    void everyTruthAddressTranslatesAsLibkdumpfileSays() {
        assertEquals(List.of(), TruthChecks.vtopMismatches(session, truth("vtop")));
    }

    @Test
    void batchTranslationAgreesWithTheWalk() {
        assertEquals(List.of(), TruthChecks.batchMismatches(session, truth("vtop")));
    }

    @Test
    void ptdumpCoversEveryTruthTranslation() {
        assertEquals(List.of(), TruthChecks.ptdumpMisses(session, truth("vtop")));
    }

    @Test
    void physicalBytesMatchTheTruth() {
        assertEquals(List.of(), TruthChecks.pbytesMismatches(session, truth("pbytes"), Space.PHYSICAL));
    }

    @Test
    void prstatusRegistersMatchLibkdumpfile() {
        assertEquals(List.of(), TruthChecks.prstatusMismatches(session, registersTruth()));
    }
}
