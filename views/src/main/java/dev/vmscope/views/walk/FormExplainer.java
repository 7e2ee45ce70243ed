package dev.vmscope.views.walk;

import dev.vmscope.core.xlat.PagingForm;
import dev.vmscope.views.fx.Sizes;

import java.util.ArrayList;
import java.util.List;

/** A paging form told in a few sentences, from its own geometry: which bits index which table. */
final class FormExplainer {
    private FormExplainer() {
    }

    static String explain(PagingForm form) {
        int top = form.vaBits() - 1;
        List<String> bits = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (PagingForm.Level l : form.levels()) {
            bits.add(l.highBit() + "–" + l.shift());
            names.add(l.name());
        }
        StringBuilder b = new StringBuilder();
        b.append("With ").append(form.id()).append(" paging the CPU reads a ").append(form.vaBits())
                .append("-bit virtual address in fields. ");
        if (form.vaBits() < 64) {
            b.append("Bits 63–").append(form.vaBits()).append(" must repeat bit ").append(top).append(". ");
        }
        b.append("Bits ").append(series(bits)).append(" each pick one of ").append(form.levels().getFirst().entries())
                .append(" entries, in the ").append(series(names)).append(" tables in turn; bits ")
                .append(form.pageShift() - 1).append("–0 are the offset in a ").append(Sizes.of(form.pageSize()))
                .append(" page. Each entry holds the next table's address, or maps a larger page itself (a huge page: ");
        List<String> huge = new ArrayList<>();
        for (int level = 1; level < form.depth() - 1; level++) {
            huge.add(Sizes.of(form.mappedBy(level)) + " at " + form.levels().get(level).name());
        }
        b.append(String.join(", ", huge)).append(").");
        return b.toString();
    }

    /** {@code a, b, c and d}. */
    private static String series(List<String> items) {
        if (items.size() == 1) {
            return items.getFirst();
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }
}
