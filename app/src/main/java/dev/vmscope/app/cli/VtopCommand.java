package dev.vmscope.app.cli;

import dev.vmscope.core.Session;
import dev.vmscope.core.UnmappedAddressException;
import dev.vmscope.core.xlat.BatchTranslator;
import dev.vmscope.core.xlat.Translation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code vmscope vtop SOURCE ADDR...} and {@code vmscope vtop SOURCE --from FILE}: translates each
 * virtual address level by level. Every address is printed; the status is 1 when any is not mapped,
 * with one line on stderr that names the first fault.
 */
@Command(name = "vtop", mixinStandardHelpOptions = true,
        description = "Translate each virtual address, level by level (like crash vtop).")
final class VtopCommand extends SourceCommand {

    @Parameters(index = "1..*", paramLabel = "ADDR", arity = "0..*", description = "Virtual addresses (hexadecimal).")
    List<String> addresses = new ArrayList<>();

    @Option(names = "--from", paramLabel = "FILE", description = "Translate one address per line of FILE ('-' = standard input).")
    String from;

    @Option(names = "--brief", description = "One line 'VA PA' per address ('VA -' when unmapped), for millions of addresses.")
    boolean brief;

    private long[] parsed;
    private AddressInput input;

    VtopCommand(Streams io) {
        super(io);
    }

    @Override
    void validate() {
        if (brief && options.json) {
            throw CliFailure.usage("--brief and --json are two different outputs: choose one");
        }
        if (from != null && !addresses.isEmpty()) {
            throw CliFailure.usage("give addresses either as arguments or with --from FILE, not both");
        }
        if (from == null && addresses.isEmpty()) {
            throw CliFailure.usage("no address to translate: give ADDR... or --from FILE (vmscope help vtop shows the usage)");
        }
        parsed = new long[addresses.size()];
        for (int i = 0; i < parsed.length; i++) {
            parsed[i] = Addresses.parse(addresses.get(i), "ADDR " + (i + 1));
        }
        if (from != null) {
            input = AddressInput.open(from, io.in());
        }
    }

    @Override
    int run(Session session) {
        VtopOutput output = VtopOutput.of(io, session.translatedSpace(), options.json, brief, new Aliases(session, progress)::of);
        if (output instanceof BriefOutput fast) {
            return runBrief(session, fast);
        }
        Tally tally = new Tally(io);
        if (input == null) {
            for (long va : parsed) {
                tally.add(output, session.translate(va));
            }
        } else {
            input.forEach(va -> tally.add(output, session.translate(va)));
        }
        output.finish();
        return tally.status();
    }

    /**
     * The batch path: no steps are recorded; the addresses of a file are translated on every processor
     * ({@link BriefPipeline}); the first unmapped address is walked once more at the end so that the line
     * on stderr can name its fault.
     */
    private int runBrief(Session session, BriefOutput output) {
        BriefTally tally;
        if (input == null) {
            BatchTranslator batch = session.batchTranslator();
            tally = new BriefTally();
            for (long va : parsed) {
                long pa = batch.translate(va);
                output.add(va, pa);
                tally.add(va, pa);
            }
        } else {
            tally = BriefPipeline.run(input, output, session::batchTranslator, Runtime.getRuntime().availableProcessors());
        }
        output.finish();
        return tally.status(session);
    }

    @Override
    void release() {
        if (input != null) {
            input.close();
        }
    }

    /**
     * Counts the addresses and keeps the first that is not mapped, for the one line on stderr; now and
     * then makes sure the output is still being read.
     */
    private static final class Tally {
        private static final long CHECK_EVERY = 1 << 16;

        private final Streams io;
        private long total;
        private long unmapped;
        private Translation first;

        Tally(Streams io) {
            this.io = io;
        }

        void add(VtopOutput output, Translation t) {
            output.add(t);
            if (++total % CHECK_EVERY == 0) {
                io.checkOutput();
            }
            if (!t.mapped()) {
                unmapped++;
                if (first == null) {
                    first = t;
                }
            }
        }

        int status() {
            if (unmapped == 0) {
                return 0;
            }
            String why = new UnmappedAddressException(first).getMessage();
            throw CliFailure.notMapped(unmapped == 1 && total == 1 ? why
                    : unmapped + " of " + total + " addresses are not mapped; the first: " + why);
        }
    }
}
