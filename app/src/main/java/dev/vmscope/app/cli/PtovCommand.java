package dev.vmscope.app.cli;

import dev.vmscope.core.Hex;
import dev.vmscope.core.Session;
import dev.vmscope.core.io.Address;
import dev.vmscope.core.xen.PvDomain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code vmscope ptov SOURCE PADDR...} (crash's name): every kernel virtual address that maps each
 * physical address in the kernel's page table (or the one chosen), the direct map first. On a Xen host dump PADDR is dom0's pseudo-physical address; it
 * goes through the p2m to the machine address the page tables hold. The status is 1 when an address has
 * no virtual address at all.
 */
@Command(name = "ptov", mixinStandardHelpOptions = true,
        description = "List every kernel virtual address that maps each physical address (direct map first).")
final class PtovCommand extends SourceCommand {

    @Parameters(index = "1..*", paramLabel = "PADDR", arity = "1..*",
            description = "Physical addresses (hexadecimal; pseudo-physical on a Xen host dump).")
    List<String> addresses = new ArrayList<>();

    private long[] parsed;

    PtovCommand(Streams io) {
        super(io);
    }

    @Override
    void validate() {
        parsed = new long[addresses.size()];
        for (int i = 0; i < parsed.length; i++) {
            parsed[i] = Addresses.parse(addresses.get(i), "PADDR " + (i + 1));
        }
    }

    /** One physical address and what maps it. */
    private record Answer(long physical, Optional<Long> machine, List<Long> virtual) {
    }

    @Override
    int run(Session session) {
        Optional<PvDomain> pv = session.pvDomain();
        session.kernelMappings(progress);
        Aliases aliases = new Aliases(session, progress);
        List<Answer> answers = new ArrayList<>(parsed.length);
        for (long pa : parsed) {
            Optional<Long> machine = pv.map(d -> d.machineOf(pa).map(Address::value).orElse(null));
            List<Long> virtual = pv.isPresent() && machine.isEmpty() ? List.of()
                    : aliases.ofPhysical(machine.orElse(pa));
            answers.add(new Answer(pa, machine, virtual));
        }
        Streams.endProgress(progress);
        if (options.json) {
            try (Json j = io.json()) {
                json(answers, pv.isPresent(), j);
            }
        } else {
            PrintWriter w = io.text();
            text(answers, w);
            io.finish(w);
        }
        return status(answers, pv.isPresent(), session.dump().source());
    }

    private static void json(List<Answer> answers, boolean xen, Json j) {
        j.startArray();
        for (Answer a : answers) {
            j.startObject().hex("physical", a.physical());
            if (xen) {
                j.string("machine", a.machine().map(Hex::of).orElse(null));
            }
            j.strings("virtual", a.virtual().stream().map(Hex::of).toList()).endObject();
        }
        j.endArray();
    }

    private static void text(List<Answer> answers, PrintWriter w) {
        Columns c = new Columns("");
        c.row("physical", "virtual");
        for (Answer a : answers) {
            String physical = Hex.of(a.physical()) + a.machine().map(m -> " (machine " + Hex.of(m) + ")").orElse("");
            if (a.virtual().isEmpty()) {
                c.row(physical, "-");
            }
            for (int i = 0; i < a.virtual().size(); i++) {
                c.row(i == 0 ? physical : "", Hex.of(a.virtual().get(i)));
            }
        }
        c.print(w);
    }

    private static int status(List<Answer> answers, boolean xen, String source) {
        List<Answer> none = answers.stream().filter(a -> a.virtual().isEmpty()).toList();
        if (none.isEmpty()) {
            return 0;
        }
        Answer first = none.getFirst();
        String why = xen && first.machine().isEmpty()
                ? "pseudo-physical " + Hex.of(first.physical()) + " has no machine frame in dom0's p2m"
                : "no kernel virtual address maps " + Hex.of(first.physical());
        throw CliFailure.notMapped((none.size() == 1 && answers.size() == 1 ? why
                : none.size() + " of " + answers.size() + " addresses are not mapped; the first: " + why) + " (" + source + ")");
    }
}
