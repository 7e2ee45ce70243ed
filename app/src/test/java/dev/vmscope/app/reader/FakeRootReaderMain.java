package dev.vmscope.app.reader;

import dev.vmscope.core.format.live.FakeKernel;
import dev.vmscope.core.format.live.FakeRoot;
import dev.vmscope.core.format.live.LiveDumps;
import dev.vmscope.core.format.live.Lockdown;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * The reader as a process of its own, reading a fake root of the corpus machine instead of this
 * machine: {@code FakeRootReaderMain DIR KERNEL SOURCE}, KERNEL being {@code open}, {@code strict}
 * (STRICT_DEVMEM) or {@code confidentiality} (lockdown). Everything after the opening is
 * {@link ReaderMain}'s own code.
 */
public final class FakeRootReaderMain {
    private FakeRootReaderMain() {
    }

    public static void main(String[] args) {
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        FakeKernel kernel = switch (args[1]) {
            case "strict" -> FakeKernel.OPEN.withStrictDevmem();
            case "confidentiality" -> FakeKernel.OPEN.withLockdown(Lockdown.CONFIDENTIALITY);
            default -> FakeKernel.OPEN;
        };
        FakeRoot root = FakeRoot.build(Path.of(args[0]), kernel);
        System.exit(ReaderMain.run(new String[] {args[2]}, System.in, protocol, System.err,
                source -> LiveDumps.open(root.machineRoot(), source)));
    }
}
