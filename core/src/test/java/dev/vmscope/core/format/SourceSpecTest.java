package dev.vmscope.core.format;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** {@code FILE@ADDR} as crash takes it, and paths that merely contain {@code @}. */
class SourceSpecTest {

    @Test
    void aPathIsADump() {
        SourceSpec s = SourceSpec.parse("/var/crash/vmcore");
        assertEquals(Path.of("/var/crash/vmcore"), s.path());
        assertFalse(s.isRaw());
    }

    @Test
    void fileAtAddressIsARawImageAtThatBase() {
        assertEquals(new SourceSpec(Path.of("ddr.bin"), OptionalLong.of(0x80000000L)), SourceSpec.parse("ddr.bin@0x80000000"));
        assertEquals(new SourceSpec(Path.of("ddr.bin"), OptionalLong.of(0x80000000L)), SourceSpec.parse("ddr.bin@80000000"));
        assertEquals(new SourceSpec(Path.of("mem.img"), OptionalLong.of(0)), SourceSpec.parse("mem.img@"));
        assertEquals("mem.img@0x0", SourceSpec.parse("mem.img@0").toString());
    }

    @Test
    void anExistingFileWithAnAtSignIsThatFile(@TempDir Path dir) throws IOException {
        Path odd = Files.createFile(dir.resolve("vmcore@1234"));
        SourceSpec s = SourceSpec.parse(odd.toString());
        assertEquals(odd, s.path());
        assertFalse(s.isRaw());
    }

    @Test
    void aSuffixThatIsNoAddressStaysPartOfTheName() {
        SourceSpec s = SourceSpec.parse("backup@home");
        assertEquals(Path.of("backup@home"), s.path());
        assertFalse(s.isRaw());
    }
}
