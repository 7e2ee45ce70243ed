package dev.vmscope.app.reader;

import dev.vmscope.core.DumpIoException;
import dev.vmscope.core.OpenOptions;
import dev.vmscope.core.Session;
import dev.vmscope.core.format.live.LiveDumps;
import dev.vmscope.core.format.live.LiveSourceKind;
import dev.vmscope.core.format.live.MachineRoot;
import dev.vmscope.core.format.live.ProcessRights;

import java.io.IOException;

/**
 * Where the command line and the GUI open a live source ({@code live}, {@code /proc/kcore},
 * {@code /dev/mem}, {@code /dev/crash}): in this process when it already has the rights (root with
 * CAP_SYS_RAWIO, e.g. {@code sudo vmscope info live}), otherwise through the privileged reader started
 * with pkexec or sudo, so that vmscope itself never runs as root.
 */
public final class LiveOpener {
    private LiveOpener() {
    }

    /** Whether a SOURCE names a live source rather than a dump file. */
    public static boolean handles(String source) {
        return LiveSourceKind.isLiveName(source);
    }

    /**
     * Opens a live source. Through the reader this blocks until the reader has announced itself, which
     * may wait for a password: call it from a background task, never on the FX thread.
     *
     * @throws DumpIoException when the source cannot be read, saying why (lockdown, rights, no way to elevate)
     */
    public static Session open(String source, OpenOptions options, ReaderLauncher.Frontend frontend) {
        if (!handles(source)) {
            throw new IllegalArgumentException("not a live source: " + source);
        }
        if (privileged()) {
            return Session.open(LiveDumps.open(source), options);
        }
        return open(ReaderLauncher.start(source, frontend), options, ReaderTimeouts.DEFAULT);
    }

    /** Opens a session over a started reader; closing the session ends the reader. */
    public static Session open(ReaderConnection reader, OpenOptions options, ReaderTimeouts timeouts) {
        return Session.open(RemoteDump.of(ReaderClient.connect(reader, timeouts)), options);
    }

    private static boolean privileged() {
        try {
            return MachineRoot.system().readText(ProcessRights.PATH).map(ProcessRights::parse)
                    .orElse(ProcessRights.unknown()).privileged();
        } catch (IOException e) {
            return false;
        }
    }
}
