package dev.vmscope.core.corpus;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.xlat.PagingForm;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The AArch64 QEMU dump (4 KiB granule, 48-bit VA, KASLR, negative PHYS_OFFSET) against libkdumpfile's truth. */
class Arm64QemuLiveTest extends LibkdumpfileTruthTest {

    @Override
    String set() {
        return "arm64-6.1-qemu-live";
    }

    @Override
    String dump() {
        return "vmcore-qemu.elf";
    }

    @Test
    void identifiesA4kGranule48BitKernel() {
        assertEquals(Architecture.AARCH64, session.dump().architecture());
        assertEquals("aarch64-4k-48", session.kernel().orElseThrow().mode().id());
        assertEquals(List.of("L0", "L1", "L2", "L3"),
                session.kernel().orElseThrow().mode().form().levels().stream().map(PagingForm.Level::name).toList());
        assertEquals(2, session.dump().cpuCount());
    }
}
