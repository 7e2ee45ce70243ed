package dev.vmscope.views.teach;

import dev.vmscope.core.Hex;
import dev.vmscope.core.xen.P2mEntry;
import dev.vmscope.core.xen.P2mEntryFormat;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkStep;

import java.util.Optional;

/**
 * The arithmetic of one step, in the words a student writes it: the index from the address bits, the
 * entry's address from the table, and the next table (or the page) from the entry. Every number comes
 * from the walk; nothing is recomputed here except to show how the walker got it.
 */
public final class Arithmetic {
    private Arithmetic() {
    }

    /** {@code bits 31:22 of 0xc0101234 = 1100000000 = 768}. */
    public static String index(Translation t, WalkStep s) {
        BitField f = BitField.of(t).stream().filter(b -> b.role() == BitField.Role.INDEX && b.low() == s.vaLowBit())
                .findFirst().orElseThrow();
        return f.range() + " of " + Hex.of(t.virtualAddress()) + " = " + f.binary() + " = " + s.index();
    }

    /** {@code 0x1000 + 768 × 4 = 0x1c00}. */
    public static String entryAddress(Translation t, WalkStep s) {
        return Hex.of(s.table()) + " + " + s.index() + " × " + t.mode().form().entrySize() + " = " + Hex.of(s.entryAddress());
    }

    /** {@code 0x2063 & 0xfffff000 = 0x2000}: how the entry gives its target; empty when it gives none. */
    public static Optional<String> target(Translation t, WalkStep s) {
        if (s.decoded() == null || !s.decoded().present()) {
            return Optional.empty();
        }
        long raw = s.entry();
        long target = s.decoded().target();
        if (t.mode().id().equals(P2mEntryFormat.TREE.id())) {
            return Optional.of(Hex.of(raw & P2mEntry.MAX_MFN) + " (frame number) × " + t.mode().form().pageSize()
                    + " = " + Hex.of(target));
        }
        int level = t.steps().indexOf(s);
        int low = s.decoded().leaf() ? Long.numberOfTrailingZeros(s.decoded().pageSize() != 0 ? s.decoded().pageSize()
                : t.mode().form().mappedBy(level)) : t.mode().form().pageShift();
        return mask(t.mode().id(), raw, target, low)
                .map(m -> Hex.of(raw) + " & " + Hex.of(m) + " = " + Hex.of(target))
                .or(() -> Optional.of("the address bits of " + Hex.of(raw) + " give " + Hex.of(target)));
    }

    /** {@code 0x2000 + offset 0x234 = 0x2234}: a leaf's page base plus the address's offset. */
    public static String physical(Translation t, long pageBase, long pageSize) {
        long offset = t.virtualAddress() & (pageSize - 1);
        return Hex.of(pageBase) + " + offset " + Hex.of(offset) + " = " + Hex.of(pageBase + offset);
    }

    /**
     * The frame mask of an entry: bits {@code top:low}, where {@code top} is the highest output-address bit
     * of the mode's entries (x86 PAE and 64-bit 51, AArch64 47, ARMv7 LPAE 39, i386 31) and {@code low} the
     * log2 of what the entry maps (a page table's 4 KiB, or a huge page's size); empty when the mask does not
     * give the target (PSE-36 4 MiB pages put address bits elsewhere).
     */
    static Optional<Long> mask(String modeId, long raw, long target, int low) {
        int top = modeId.startsWith("aarch64") ? 47 : modeId.equals("arm-lpae") ? 39 : modeId.equals("x86-32") ? 31 : 51;
        long m = ((1L << (top + 1)) - 1) & -(1L << low);
        return (raw & m) == target ? Optional.of(m) : Optional.empty();
    }
}
