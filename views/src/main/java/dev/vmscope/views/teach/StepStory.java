package dev.vmscope.views.teach;

import dev.vmscope.core.Hex;
import dev.vmscope.core.xlat.EntryFormat;
import dev.vmscope.core.xlat.PagingForm;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkStep;
import dev.vmscope.views.fx.Sizes;

import java.util.List;

/**
 * One step of a walk told in full: the index, the entry's address, the entry, its bits one by one, where
 * it leads, and what a fault here would mean. The pane and the text export both tell it from here.
 *
 * @param bits each set flag with its meaning, as the entry format explains it
 */
public record StepStory(String title, String index, String entryAddress, String entry, List<String> bits,
                        String leadsTo, String faultMeaning) {

    public static StepStory of(Translation t, int i) {
        WalkStep s = t.steps().get(i);
        PagingForm form = t.mode().form();
        String title = "Step " + (i + 1) + " of " + form.depth() + " · " + s.level() + " table at " + Hex.of(s.table());
        String entry = s.entryRead() ? s.level() + "[" + s.index() + "] = " + Hex.of(s.entry())
                : s.level() + "[" + s.index() + "] is not in the dump";
        return new StepStory(title, "Index: " + Arithmetic.index(t, s), "Entry address: " + Arithmetic.entryAddress(t, s),
                entry, bits(t, s), leadsTo(t, i), FaultMeaning.at(t.mode(), i, t.virtualAddress()));
    }

    /** The set flags as the entry format explains them, then the clear bits that matter. */
    private static List<String> bits(Translation t, WalkStep s) {
        if (!s.entryRead()) {
            return List.of();
        }
        EntryFormat format = t.mode().entries();
        List<String> out = new java.util.ArrayList<>(s.decoded().flags().stream().map(f -> {
            String why = format.explain(f);
            return why.equals(f) ? f : f + " — " + why;
        }).toList());
        out.addAll(ClearedBits.of(t.mode(), s));
        return out;
    }

    private static String leadsTo(Translation t, int i) {
        WalkStep s = t.steps().get(i);
        if (!s.entryRead()) {
            return "The walk cannot go on: the table is not in the dump.";
        }
        if (!s.decoded().present()) {
            return s.decoded().problem().map(p -> "The entry " + p.reason() + ": the walk stops here.")
                    .orElse("The entry is not present (its valid bit is clear): the walk stops here, whatever the other bits say.");
        }
        String mask = Arithmetic.target(t, s).orElse(Hex.of(s.decoded().target()));
        if (!s.decoded().leaf()) {
            String next = i + 1 < t.mode().form().depth() ? t.mode().form().levels().get(i + 1).name() : "next";
            return "Next table: " + mask + " — the " + next + " table.";
        }
        long size = s.decoded().pageSize() != 0 ? s.decoded().pageSize() : t.mode().form().mappedBy(i);
        String huge = size > t.mode().form().pageSize() ? " (a huge page: the walk ends " + (t.mode().form().depth() - 1 - i)
                + " level" + (t.mode().form().depth() - 1 - i == 1 ? "" : "s") + " early)" : "";
        return "Page: " + mask + ", a " + Sizes.of(size) + " page" + huge + ". " + Words.output(t.mode()) + ": "
                + Arithmetic.physical(t, s.decoded().target(), size) + ".";
    }
}
