package dev.vmscope.views.testing;

import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.testing.Corpus;

import java.nio.file.Path;

/** The corpus's x86-64 QEMU ELF dump, opened once for all pane tests of this JVM. */
public final class CorpusSession {
    public static final String SET = "x86_64-6.1-qemu-live";
    public static final String DUMP = "vmcore-qemu.elf";
    private static Session session;

    private CorpusSession() {
    }

    public static synchronized Session get() {
        if (session == null) {
            session = Session.open(Corpus.dump(SET, DUMP), OpenOptions.DEFAULT);
        }
        return session;
    }

    /** A truth file of the set, e.g. {@code truth("libkdumpfile/vmcore-qemu.elf.vtop.tsv")}. */
    public static Path truth(String relative) {
        return Corpus.file(SET, relative);
    }
}
