package dev.vmscope.core.format.live;

import dev.vmscope.core.format.FormatField;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The header fields that tell a live dump apart: which source was chosen and why, what was refused
 * and why, the lockdown mode, and that the data is live.
 */
final class LiveHeader {
    /** The info view's section for live facts. */
    static final String SECTION = "Live source";
    /** The words under "data": what a reader of a live source must know. */
    static final String LIVE_DATA = "live: memory changes while it is read; every read goes to the kernel and nothing is cached";

    private LiveHeader() {
    }

    static List<FormatField> fields(String asked, OpenedSource chosen, List<Refusal> refused, LiveMachine machine) {
        List<FormatField> f = new ArrayList<>();
        f.add(field("asked for", asked));
        f.add(field("source", chosen.kind().path()));
        if (!machine.root().isSystem()) {
            f.add(field("machine root", machine.root().toString()));
        }
        f.add(field("chosen because", why(asked, chosen.kind(), refused)));
        for (Refusal r : refused) {
            f.add(field("refused " + r.kind().path(), r.reason()));
        }
        f.add(field("lockdown", machine.lockdown().map(Lockdown::word)
                .orElse("not reported (no " + Lockdown.PATH + ")")));
        machine.onlineCpus().ifPresent(cpus -> f.add(field("online CPUs", cpus)));
        f.add(field("data", LIVE_DATA));
        return f;
    }

    static String why(String asked, LiveSourceKind chosen, List<Refusal> refused) {
        String others = refused.stream().map(r -> r.kind().path()).collect(Collectors.joining(" and "));
        if (LiveSourceKind.LIVE.equals(asked)) {
            String order = java.util.Arrays.stream(LiveSourceKind.values()).map(LiveSourceKind::path).collect(Collectors.joining(", "));
            return "the first of " + order + " that this machine allows" + (refused.isEmpty() ? "" : " (" + others + " refused)");
        }
        if (chosen.path().equals(asked)) {
            return "asked for";
        }
        return asked + " was refused; " + chosen.path() + " gives the same physical memory";
    }

    private static FormatField field(String name, String value) {
        return new FormatField(SECTION, name, value);
    }
}
