package dev.vmscope.app.gui;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.UnsupportedDumpException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the error dialog says: the exception's own words and, for a damaged file, its parts. */
class ProblemTest {

    @Test
    void damagedFileNamesFileOffsetStructureAndExpectation() {
        DumpFormatException e = new DumpFormatException("/d/x.vmcore", 0x40, "ELF program header 0: p_offset",
                "an offset inside the file");
        Problem p = Problem.of(e);
        assertEquals(e.getMessage(), p.message());
        assertEquals(List.of(new Problem.Detail("file", "/d/x.vmcore"), new Problem.Detail("offset", "0x40"),
                new Problem.Detail("structure", "ELF program header 0: p_offset"),
                new Problem.Detail("expected", "an offset inside the file")), p.details());
    }

    @Test
    void unsupportedIsToldApartFromDamaged() {
        Problem p = Problem.of(new UnsupportedDumpException("/d/y", 18, "ELF machine 21"));
        assertTrue(p.summary().contains("does not read"), p.summary());
        assertEquals(List.of(), p.details());
    }

    @Test
    void otherFailuresGiveTheirMessageWithoutATrace() {
        Problem p = Problem.of(new UncheckedIOException("cannot read the bundled sample", new IOException("stream closed")));
        assertEquals("cannot read the bundled sample: stream closed", p.message());
        Problem q = Problem.of(new IllegalStateException("boom"));
        assertEquals("IllegalStateException: boom", q.message());
    }
}
