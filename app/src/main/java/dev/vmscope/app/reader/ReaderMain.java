package dev.vmscope.app.reader;

import dev.vmscope.core.DumpException;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.live.LiveDumps;
import dev.vmscope.core.format.live.LiveSourceKind;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.Function;

/**
 * The privileged reader: {@code ReaderMain live|/proc/kcore|/dev/mem|/dev/crash}. It opens the live
 * source read-only, announces it on standard output, answers read requests from standard input
 * (see {@link ReaderProtocol}) and exits when its input closes, that is when vmscope exits. It takes
 * no path, no option and no other request. Standard output carries the protocol alone; anything
 * else printed goes to standard error.
 */
public final class ReaderMain {
    static final int SERVED = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;
    static final int PROTOCOL_ENDED = 3;

    private ReaderMain() {
    }

    public static void main(String[] args) {
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        System.exit(run(args, System.in, protocol, System.err, LiveDumps::open));
    }

    /**
     * @param open opens a live source by name (the machine's own, or a fake machine in tests)
     * @return the exit status: 0 served until the input closed, 1 refused, 2 usage, 3 the protocol ended otherwise
     */
    static int run(String[] args, InputStream in, OutputStream out, PrintStream err, Function<String, Dump> open) {
        if (args.length != 1 || !LiveSourceKind.isLiveName(args[0])) {
            err.println("usage: vmscope-reader live|/proc/kcore|/dev/mem|/dev/crash"
                    + " (started by vmscope; answers its read requests on standard input and output)");
            return USAGE;
        }
        Dump dump;
        try {
            dump = open.apply(args[0]);
        } catch (DumpException e) {
            err.println("vmscope-reader: " + e.getMessage());
            try {
                ReaderServer.refuse(out, e.getMessage());
            } catch (IOException gone) {
                err.println("vmscope-reader: cannot tell vmscope: " + gone.getMessage());
            }
            return REFUSED;
        }
        try (dump) {
            return new ReaderServer(dump).serve(in, out) == ReaderServer.Ending.INPUT_CLOSED ? SERVED : PROTOCOL_ENDED;
        }
    }
}
