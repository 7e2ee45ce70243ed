package dev.vmscope.views.teach;

import dev.vmscope.core.xlat.PagingMode;
import dev.vmscope.core.xlat.WalkStep;

import java.util.ArrayList;
import java.util.List;

/**
 * The bits whose absence matters, which a list of set flags cannot show: a clear R/W makes a page
 * read-only, a clear U/S keeps user space out, a clear XD leaves it executable (Intel SDM vol. 3, 4.6);
 * on Arm a clear AP[1] keeps EL0/PL0 out and a clear AP[2] allows writes (Arm ARM D8 and B3.7).
 */
final class ClearedBits {
    private ClearedBits() {
    }

    static List<String> of(PagingMode mode, WalkStep s) {
        List<String> out = new ArrayList<>();
        if (!s.entryRead() || !s.decoded().present()) {
            return out;
        }
        long raw = s.entry();
        String id = mode.id();
        if (id.equals("x86-pae") && s.level().equals("PDPT")) {
            return out; // SDM 4.4.1: a PAE PDPTE has no R/W, U/S or XD; those bit positions are reserved
        }
        if (id.startsWith("x86")) {
            clear(out, raw, 1, "R/W (bit 1) clear: no writes through this entry");
            clear(out, raw, 2, "U/S (bit 2) clear: supervisor only, user space may not use this entry");
            if (mode.form().entrySize() == 8) {
                clear(out, raw, 63, "XD (bit 63) clear: this level does not forbid execution");
            }
        } else if ((id.startsWith("aarch64") || id.equals("arm-lpae")) && s.decoded().leaf()) {
            clear(out, raw, 6, "AP[1] (bit 6) clear: only the kernel (EL1, PL1) may access the page");
            clear(out, raw, 7, "AP[2] (bit 7) clear: the page is writable");
        }
        return out;
    }

    private static void clear(List<String> out, long raw, int bit, String meaning) {
        if ((raw & (1L << bit)) == 0) {
            out.add(meaning);
        }
    }
}
