package dev.vmscope.app.reader;

import dev.vmscope.core.format.live.WriteFreeSources;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reader package opens nothing for writing; its one write is the protocol on standard output. */
class ReaderReadOnlyTest {
    @Test
    void noSourceOfTheReaderOpensForWriting() {
        Path reader = Path.of("src/main/java/dev/vmscope/app/reader");
        assertTrue(WriteFreeSources.count(reader) >= 10, "sources scanned in " + reader.toAbsolutePath());
        assertEquals(List.of(), WriteFreeSources.violations(reader));
    }
}
