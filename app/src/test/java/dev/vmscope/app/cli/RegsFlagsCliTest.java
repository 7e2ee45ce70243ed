package dev.vmscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vmscope.core.Hex;
import dev.vmscope.core.testing.Corpus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code regs} decodes the flag and control registers of the corpus dumps; the expected words come from the
 * manuals' bit positions written out here: RFLAGS (Intel SDM vol. 1, 3.4.3), CR0 (SDM vol. 3A, 2.5) and the
 * AArch64 SPSR (Arm ARM C5.2).
 */
class RegsFlagsCliTest {
    /** RFLAGS bits 0 to 11 by the SDM's figure 3-8; bits 1, 3 and 5 are reserved (1, 0, 0). */
    private static final String[] RFLAGS_LOW = {"CF", null, "PF", null, "AF", null, "ZF", "SF", "TF", "IF", "DF", "OF"};

    private static List<String> sdmFlags(long value) {
        List<String> out = new ArrayList<>();
        for (int bit = 0; bit < RFLAGS_LOW.length; bit++) {
            if (RFLAGS_LOW[bit] != null && (value >>> bit & 1) != 0) {
                out.add(RFLAGS_LOW[bit]);
            }
        }
        return out;
    }

    private static List<String> words(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void x86FlagsAreTheSdmBits() {
        String dump = Corpus.dump("x86_64-6.1-qemu-live", "vmcore-qemu.elf").toString();
        CliRun r = CliRun.of("regs", dump, "--json");
        assertEquals(0, r.status(), r::toString);
        int flags = 0;
        int cr0 = 0;
        for (JsonNode cpu : r.json()) {
            JsonNode regs = cpu.get("registers");
            JsonNode decoded = cpu.get("decoded");
            for (String name : List.of("rflags", "eflags")) {
                if (regs.has(name)) {
                    long v = Hex.parse(regs.get(name).asText());
                    assertTrue(v < 0x1000 && (v & 0x3000) == 0, "IOPL 0 and no high flags in a kernel: " + Hex.of(v));
                    assertEquals(sdmFlags(v), words(decoded.get(name)), cpu.get("source") + " " + name + " " + Hex.of(v));
                    flags++;
                }
            }
            if (regs.has("cr0") && regs.get("cr0").asText().equals("0x80050033")) {
                // bits 0, 1, 4, 5, 16, 18, 31 (QEMU's info registers: CR0=80050033)
                assertEquals(List.of("PE", "MP", "ET", "NE", "WP", "AM", "PG"), words(decoded.get("cr0")));
                cr0++;
            }
        }
        assertTrue(flags >= 2, "a flags register per CPU: " + flags);
        assertTrue(cr0 >= 1, "QEMU notes carry CR0");
        assertTrue(words(r.json().get(0).get("decoded").get(r.json().get(0).get("registers").has("rflags") ? "rflags" : "eflags"))
                .contains("IF"), "interrupts were on");
    }

    @Test
    void textShowsEachFlagRegisterDecoded() {
        String dump = Corpus.dump("x86_64-6.1-qemu-live", "vmcore-qemu.elf").toString();
        CliRun r = CliRun.of("regs", dump);
        assertEquals(0, r.status(), r::toString);
        List<String> decoded = r.lines().stream().filter(l -> l.matches("  (rflags|eflags) 0x[0-9a-f]+ \\[.*]")).toList();
        assertTrue(!decoded.isEmpty(), r.out());
        for (String line : decoded) {
            long v = Hex.parse(line.strip().split(" ")[1]);
            assertEquals(line.substring(0, line.indexOf('[') + 1) + String.join(" ", sdmFlags(v)) + "]", line);
        }
        assertEquals(List.of("PF", "ZF", "IF"), sdmFlags(0x246), "QEMU's info registers: RFL=00000246");
    }

    @Test
    void aarch64PstateNamesTheExceptionLevelAndTheMasks() {
        String dump = Corpus.dump("arm64-6.1-qemu-live", "vmcore-qemu.elf").toString();
        CliRun r = CliRun.of("regs", dump, "--json");
        assertEquals(0, r.status(), r::toString);
        int seen = 0;
        for (JsonNode cpu : r.json()) {
            JsonNode pstate = cpu.get("registers").get("pstate");
            if (pstate == null) {
                continue;
            }
            long v = Hex.parse(pstate.asText());
            List<String> w = words(cpu.get("decoded").get("pstate"));
            // M[4:0] = 0b00101 is EL1h; bits 6, 7 and 30 are F, I and Z
            if ((v & 0x1f) == 0b00101) {
                assertTrue(w.stream().anyMatch(x -> x.contains("EL1h")), w.toString());
            }
            assertEquals((v >>> 7 & 1) != 0, w.contains("I"), w.toString());
            assertEquals((v >>> 6 & 1) != 0, w.contains("F"), w.toString());
            assertEquals((v >>> 30 & 1) != 0, w.contains("Z"), w.toString());
            seen++;
        }
        assertTrue(seen > 0, "pstate in the notes");
    }
}
