package dev.vmscope.app.cli;

import dev.vmscope.core.Hex;
import dev.vmscope.core.Session;
import dev.vmscope.core.io.Space;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * {@code vmscope rd SOURCE ADDR [--physical|--virtual|--machine] [--length N] [--raw]}: reads memory,
 * virtual by default, 64 bytes by default, at most {@value #MAX_LENGTH} bytes at once.
 */
@Command(name = "rd", mixinStandardHelpOptions = true,
        description = "Read memory at ADDR (default: virtual, 64 bytes): a hex dump, or the bytes with --raw.")
final class RdCommand extends SourceCommand {
    /** 64 MiB: enough for any one look at memory; more belongs to a conversion, not a read. */
    static final long MAX_LENGTH = 64L << 20;

    @Parameters(index = "1", paramLabel = "ADDR", description = "The address to read at (hexadecimal).")
    String address;

    @Option(names = "--physical", description = "ADDR is physical (pseudo-physical for a Xen guest).")
    boolean physical;

    @Option(names = "--virtual", description = "ADDR is a kernel virtual address (the default).")
    boolean virtual;

    @Option(names = "--machine", description = "ADDR is a machine address (Xen host dumps).")
    boolean machine;

    @Option(names = "--length", paramLabel = "N", defaultValue = "64",
            description = "Bytes to read: decimal, or hexadecimal with 0x (default: ${DEFAULT-VALUE}, at most 64 MiB).")
    String length;

    @Option(names = "--raw", description = "Write the bytes themselves instead of a hex dump.")
    boolean raw;

    private long start;
    private int count;

    RdCommand(Streams io) {
        super(io);
    }

    @Override
    void validate() {
        if (raw && options.json) {
            throw CliFailure.usage("--raw and --json are two different outputs: choose one");
        }
        if ((physical ? 1 : 0) + (virtual ? 1 : 0) + (machine ? 1 : 0) > 1) {
            throw CliFailure.usage("--physical, --virtual and --machine name the space of ADDR: give one");
        }
        start = Addresses.parse(address, "ADDR");
        long n = Addresses.count(length, "--length");
        if (n <= 0 || n > MAX_LENGTH) {
            throw CliFailure.usage("--length " + length + ": give 1 to " + MAX_LENGTH + " bytes (64 MiB)");
        }
        if (Long.compareUnsigned(start + n - 1, start) < 0) {
            throw CliFailure.usage("--length " + length + " at " + Hex.of(start) + " runs past the end of the address space");
        }
        count = (int) n;
    }

    @Override
    int run(Session session) {
        Space s = physical ? Space.PHYSICAL : machine ? Space.MACHINE : Space.KERNEL_VIRTUAL;
        byte[] data = session.read(s, start, count);
        if (raw) {
            try {
                io.out().write(data);
                io.out().flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            io.checkOutput();
        } else if (options.json) {
            try (Json j = io.json()) {
                j.startObject().hex("address", start).string("space", s.id()).number("length", count)
                        .string("bytes", Hex.bytes(data)).endObject();
            }
        } else {
            PrintWriter w = io.text();
            HexDump.write(w, start, data);
            io.finish(w);
        }
        return 0;
    }
}
