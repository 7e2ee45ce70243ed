package dev.vmscope.app.cli;

import dev.vmscope.core.Hex;
import dev.vmscope.core.Session;
import dev.vmscope.core.xen.P2mLookup;
import dev.vmscope.core.xen.P2mMap;
import dev.vmscope.core.xen.PvDomain;
import dev.vmscope.core.xen.XenHost;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.OptionalLong;

/**
 * {@code vmscope p2m SOURCE [--pfn N | --mfn N]}: a Xen PV domain's pseudo-physical to machine map (dom0's
 * of a Xen host dump, the guest's of an {@code xl dump-core} file) as runs, or one lookup each way. A
 * lookup that finds no frame has status 1; a dump with no p2m, status 2.
 */
@Command(name = "p2m", mixinStandardHelpOptions = true,
        description = "Xen: pseudo-physical -> machine runs of dom0 (or of an xl dump-core guest), or one lookup each way.")
final class P2mCommand extends SourceCommand {

    @ArgGroup(exclusive = true)
    Lookup lookup;

    /** One of the two lookups. */
    static final class Lookup {
        @Option(names = "--pfn", paramLabel = "N", required = true, description = "The machine frame of pseudo-physical frame N (hexadecimal).")
        String pfn;

        @Option(names = "--mfn", paramLabel = "N", required = true, description = "The pseudo-physical frame machine frame N backs (hexadecimal).")
        String mfn;
    }

    private OptionalLong pfn = OptionalLong.empty();
    private OptionalLong mfn = OptionalLong.empty();

    P2mCommand(Streams io) {
        super(io);
    }

    @Override
    void validate() {
        if (lookup != null && lookup.pfn != null) {
            pfn = OptionalLong.of(Addresses.parse(lookup.pfn, "--pfn"));
        }
        if (lookup != null && lookup.mfn != null) {
            mfn = OptionalLong.of(Addresses.parse(lookup.mfn, "--mfn"));
        }
    }

    @Override
    int run(Session session) {
        PvDomain pv = session.pvDomain().orElseThrow(() -> CliFailure.usage(noP2m(session)));
        P2mMap map = pv.map();
        P2mOutput out = new P2mOutput(io, options.json);
        if (pfn.isPresent()) {
            P2mLookup l = map.lookup(pfn.getAsLong());
            out.pfn(l);
            if (l.mfn().isEmpty()) {
                throw CliFailure.notMapped("pfn " + Hex.of(l.pfn()) + " has no machine frame: " + l.kind().id() + ", "
                        + l.explanation() + " (" + session.dump().source() + ")");
            }
        } else if (mfn.isPresent()) {
            OptionalLong back = map.pfn(mfn.getAsLong());
            out.mfn(mfn.getAsLong(), back);
            if (back.isEmpty()) {
                throw CliFailure.notMapped("mfn " + Hex.of(mfn.getAsLong()) + " backs no pfn of the domain's p2m ("
                        + session.dump().source() + ")");
            }
        } else {
            out.map(map);
        }
        return 0;
    }

    private static String noP2m(Session session) {
        String why = session.xenHost().map(XenHost::dom0).map(d -> d.explanation())
                .orElse("not a Xen dump: it has no Xen crash notes and is no xl dump-core file");
        return "no p2m: " + why + " (" + session.dump().source() + ")";
    }
}
