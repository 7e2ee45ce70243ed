package dev.vmscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vmscope.core.testing.minidump.MinidumpBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A FreeBSD amd64 minidump of version 1 (sys/amd64/include/minidump.h): one PTE per 4 KiB page from kernbase,
 * kept in the dump file after the header page, one page of message buffer and one page of bitmap, so the
 * array starts at file offset 0x3000. vtop names that space for the step's table.
 */
class MinidumpCliTest {
    private static final long KERNBASE = 0xffffffff_80000000L;

    @TempDir
    Path dir;

    private String minidump() throws IOException {
        MinidumpBuilder b = MinidumpBuilder.amd64(1).kernbase(KERNBASE)
                .directMap(0xfffff800_00000000L, 0xfffffc00_00000000L, 0)
                .messages("panic: page fault\n")
                .entries(0x0000000000200063L,   // [0]: page 0x200000, P RW A D
                        0)                      // [1]: not present
                .page(0x200000, "kernel page 0");
        return Files.write(dir.resolve("vmcore.minidump"), b.build()).toString();
    }

    @Test
    void jsonStepsNameTheDumpFileAsTheTablesSpace() throws IOException {
        CliRun r = CliRun.of("vtop", minidump(), "--json", "0xffffffff80000010");
        assertEquals(0, r.status(), r::toString);
        JsonNode t = r.json().get(0);
        assertEquals("0x200010", t.get("physical").asText());
        JsonNode step = t.get("steps").get(0);
        assertEquals("file", step.get("tableSpace").asText());
        assertEquals("0x3000", step.get("table").asText());
        assertEquals("0x3000", step.get("entryAddress").asText());
        assertEquals("0x200063", step.get("entry").asText());
        assertTrue(!step.has("tableMachine"));
    }

    @Test
    void textShowsTheTableAsADumpFileOffset() throws IOException {
        CliRun r = CliRun.of("vtop", minidump(), "0xffffffff80000010");
        assertEquals(0, r.status(), r::toString);
        List<String> lines = r.lines();
        assertTrue(lines.stream().anyMatch(l -> l.matches("  PTE array\\s+0x3000 \\(dump file offset\\)\\s+0\\s+0x3000\\s+0x200063\\s+.*")),
                r.out());
        assertTrue(lines.contains("  => physical 0x200010  4 KiB page  rw kernel x") || lines.stream().anyMatch(l -> l.startsWith("  => physical 0x200010  4 KiB page")),
                r.out());
    }

    @Test
    void ptdumpListsThePteArraysPage() throws IOException {
        CliRun r = CliRun.of("ptdump", minidump(), "--json");
        assertEquals(0, r.status(), r::toString);
        JsonNode page = null;
        for (JsonNode range : r.json()) {
            if (range.get("start").asText().equals("0xffffffff80000000")) {
                page = range;
            }
        }
        assertTrue(page != null, r.out());
        assertEquals("0xffffffff80001000", page.get("end").asText());
        assertEquals("0x200000", page.get("physical").asText());
        assertEquals(4096, page.get("pageSize").asLong());
    }

    @Test
    void unmappedEntryIsStatusOne() throws IOException {
        CliRun r = CliRun.of("vtop", minidump(), "--json", "0xffffffff80001000");
        assertEquals(1, r.status(), r::toString);
        assertEquals("file", r.json().get(0).get("steps").get(0).get("tableSpace").asText());
    }
}
