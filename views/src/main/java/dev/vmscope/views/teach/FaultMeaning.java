package dev.vmscope.views.teach;

import dev.vmscope.core.Hex;
import dev.vmscope.core.xlat.PagingMode;
import dev.vmscope.views.fx.Sizes;

/** What it would mean for a walk to stop at a level: which addresses it takes down, and what the CPU reports. */
final class FaultMeaning {
    private FaultMeaning() {
    }

    /**
     * @param level 0 for the top level
     * @param va    the address walked, to name the region the entry covers
     */
    static String at(PagingMode mode, int level, long va) {
        long span = mode.form().mappedBy(level);
        long start = va & -span;
        String region = "every address from " + Hex.of(start) + " to " + Hex.of(start + span - 1) + " (" + Sizes.of(span)
                + ", all that one " + mode.form().levels().get(level).name() + " entry covers)";
        return "If this entry were not present, " + region + " would fail to translate: " + report(mode, level) + ".";
    }

    /** What the hardware (or the p2m's reader) reports, by the manual of each family. */
    private static String report(PagingMode mode, int level) {
        String id = mode.id();
        if (id.startsWith("x86")) {
            // SDM vol. 3, 4.7: #PF, the error code's P bit clear, CR2 holding the address
            return "the CPU raises a page fault (#PF) with bit 0 (P) of the error code clear and the address in CR2";
        }
        if (id.startsWith("aarch64")) {
            // Arm ARM D8 / ESR_ELx: DFSC or IFSC 0b0001LL, translation fault at level LL
            int arm = 3 - (mode.form().depth() - 1 - level);
            return "the CPU takes a translation fault, level " + arm + " (ESR_ELx fault status 0b0001" + twoBits(arm)
                    + ") with the address in FAR_ELx";
        }
        if (id.equals("arm-lpae")) {
            // ARMv7 B3.13.3, long-descriptor fault status: translation fault, level 1..3 = 0b0001LL
            int arm = level + 1;
            return "the CPU takes a translation fault, level " + arm + " (long-descriptor status 0b0001" + twoBits(arm)
                    + ") with the address in DFAR or IFAR";
        }
        // Linux arch/x86/xen/p2m.c: no frame behind the pfn, __pfn_to_mfn gives INVALID_P2M_ENTRY
        return "the guest has no machine frame behind these pfns: Linux reads INVALID_P2M_ENTRY (~0) for each";
    }

    private static String twoBits(int level) {
        return Integer.toBinaryString(4 | (level & 3)).substring(1);
    }
}
