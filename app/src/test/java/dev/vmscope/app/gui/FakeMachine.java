package dev.vmscope.app.gui;

import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.format.live.FakeKernel;
import dev.vmscope.core.format.live.FakeRoot;
import dev.vmscope.core.format.live.LiveDumps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The corpus machine as a fake root, opened the way the window's live attach opens this machine. */
final class FakeMachine {
    private static FakeRoot root;

    private FakeMachine() {
    }

    static synchronized Session open(String source) {
        if (root == null) {
            try {
                root = FakeRoot.build(Files.createTempDirectory("vmscope-fake-root"), FakeKernel.OPEN);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Session.open(LiveDumps.open(root.machineRoot(), source), OpenOptions.DEFAULT);
    }

    /** A machine in lockdown: every live source refuses, in the kernel's own words. */
    static Session locked(String source) {
        try {
            FakeRoot locked = FakeRoot.build(Files.createTempDirectory("vmscope-locked-root"),
                    FakeKernel.OPEN.withLockdown(dev.vmscope.core.format.live.Lockdown.CONFIDENTIALITY));
            return Session.open(LiveDumps.open(locked.machineRoot(), source), OpenOptions.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
