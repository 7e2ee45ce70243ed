package dev.vmscope.core.corpus;

import dev.vmscope.core.testing.Corpus;

import java.nio.file.Path;

/**
 * The x86-64 kdump-compressed file of the same paused machine. libkdumpfile could not decode its CPU
 * notes (its info.json has none), so the registers are checked against the ELF's truth: both files
 * carry the same notes.
 */
class X86_64QemuKdumpTest extends LibkdumpfileTruthTest {

    @Override
    String set() {
        return X86_64QemuLiveTest.SET;
    }

    @Override
    String dump() {
        return "vmcore-qemu.kdump-zlib";
    }

    @Override
    Path registersTruth() {
        return Corpus.file(set(), "libkdumpfile/vmcore-qemu.elf.info.json");
    }
}
