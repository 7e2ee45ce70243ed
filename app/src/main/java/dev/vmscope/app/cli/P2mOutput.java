package dev.vmscope.app.cli;

import dev.vmscope.core.Hex;
import dev.vmscope.core.xen.P2mLookup;
import dev.vmscope.core.xen.P2mMap;
import dev.vmscope.core.xen.P2mRun;
import dev.vmscope.core.xen.PfnRange;

import java.io.PrintWriter;
import java.util.OptionalLong;

/**
 * What {@code p2m} prints: the whole map as runs (the contract's {@code maxPfn}, {@code layout}, {@code runs}
 * and {@code invalid}, plus each run's kind, the pfns the structure does not reach and what was noticed),
 * or one lookup.
 */
final class P2mOutput {
    private final Streams io;
    private final boolean json;

    P2mOutput(Streams io, boolean json) {
        this.io = io;
        this.json = json;
    }

    void map(P2mMap map) {
        if (json) {
            try (Json j = io.json()) {
                j.startObject().number("maxPfn", map.maxPfn().value()).string("maxPfnOrigin", map.maxPfn().origin())
                        .string("layout", map.layout()).startArray("runs");
                for (P2mRun r : map.runs()) {
                    j.startObject().hex("pfn", r.pfn()).hex("mfn", r.mfn()).number("count", r.count())
                            .string("kind", r.kind().id()).endObject();
                }
                j.endArray().number("invalid", map.invalidCount()).number("backed", map.backedCount()).startArray("unreachable");
                for (PfnRange g : map.unreachable()) {
                    j.startObject().hex("start", g.start()).hex("end", g.end()).string("reason", g.reason()).endObject();
                }
                j.endArray().strings("notes", map.notes()).endObject();
            }
            return;
        }
        PrintWriter w = io.text();
        w.println(map.layout() + " p2m, max_pfn " + Hex.of(map.maxPfn().value()) + " (" + map.maxPfn().origin() + ")");
        w.println(map.coverage().describe());
        map.notes().forEach(n -> w.println("note: " + n));
        Columns c = new Columns("  ");
        c.row("pfn", "mfn", "pages", "kind");
        for (P2mRun r : map.runs()) {
            c.row(span(r.pfn(), r.count()), span(r.mfn(), r.count()), Long.toString(r.count()), r.kind().id());
        }
        for (PfnRange g : map.unreachable()) {
            c.row(span(g.start(), g.count()), "-", Long.toString(g.count()), g.kind().id() + ": " + g.reason());
        }
        c.print(w);
        io.finish(w);
    }

    void pfn(P2mLookup l) {
        if (json) {
            try (Json j = io.json()) {
                j.startObject().hex("pfn", l.pfn()).hex("mfn", l.mfn()).string("kind", l.kind().id())
                        .hex("physical", l.pseudoPhysical().value())
                        .string("machine", l.machine().map(a -> Hex.of(a.value())).orElse(null))
                        .string("explanation", l.explanation()).endObject();
            }
            return;
        }
        PrintWriter w = io.text();
        w.println("pfn " + Hex.of(l.pfn()) + " -> " + (l.mfn().isPresent() ? "mfn " + Hex.of(l.mfn().getAsLong()) : "no frame")
                + "  " + l.kind().id() + "  (" + l.explanation() + ")");
        io.finish(w);
    }

    void mfn(long mfn, OptionalLong pfn) {
        if (json) {
            try (Json j = io.json()) {
                j.startObject().hex("mfn", mfn).hex("pfn", pfn).hex("machine", mfn << 12)
                        .string("physical", pfn.isPresent() ? Hex.of(pfn.getAsLong() << 12) : null).endObject();
            }
            return;
        }
        PrintWriter w = io.text();
        w.println("mfn " + Hex.of(mfn) + " -> " + (pfn.isPresent() ? "pfn " + Hex.of(pfn.getAsLong()) : "no pfn of this domain"));
        io.finish(w);
    }

    /** {@code first-last} of {@code count} frames from {@code first}, or the one frame. */
    private static String span(long first, long count) {
        return count == 1 ? Hex.of(first) : Hex.of(first) + "-" + Hex.of(first + count - 1);
    }
}
