package dev.vmscope.core.xlat;

import dev.vmscope.core.xlat.arm.ArmShortEntry;
import dev.vmscope.core.xlat.arm.LongDescriptorEntry;
import dev.vmscope.core.xlat.x86.X86PaeEntry;
import dev.vmscope.core.xlat.x86.X86_32Entry;
import dev.vmscope.core.xlat.x86.X86_64Entry;

import java.util.ArrayList;
import java.util.List;

/** The paging modes vmscope walks, each as geometry (data) plus an entry format (one small class). */
public final class PagingModes {
    /** x86-64 4-level: 48-bit virtual addresses. */
    public static final PagingForm X86_64_4LEVEL = PagingForm.of("x86_64-4level", 8,
            new int[] {12, 9, 9, 9, 9}, "PML4", "PDPT", "PD", "PT");
    /** x86-64 5-level (LA57): 57-bit virtual addresses. */
    public static final PagingForm X86_64_5LEVEL = PagingForm.of("x86_64-5level", 8,
            new int[] {12, 9, 9, 9, 9, 9}, "PML5", "PML4", "PDPT", "PD", "PT");
    /** i386 without PAE: two levels of 1024 four-byte entries. */
    public static final PagingForm X86_32 = PagingForm.of("x86-32", 4, new int[] {12, 10, 10}, "PD", "PT");
    /** i386 PAE: a 4-entry PDPT, then two levels of 512 eight-byte entries. */
    public static final PagingForm X86_PAE = PagingForm.of("x86-pae", 8, new int[] {12, 9, 9, 2}, "PDPT", "PD", "PT");
    /** ARMv7 short descriptors: 4096 first-level entries (1 MiB each), 256 second-level entries. */
    public static final PagingForm ARM_SHORT = PagingForm.of("arm-short", 4, new int[] {12, 8, 12}, "L1", "L2");
    /** ARMv7 LPAE long descriptors over a 32-bit input address: 4 + 512 + 512 entries. */
    public static final PagingForm ARM_LPAE = PagingForm.of("arm-lpae", 8, new int[] {12, 9, 9, 2}, "L1", "L2", "L3");

    private PagingModes() {
    }

    public static PagingMode x86_64(boolean fiveLevel, X86_64Entry entries) {
        PagingForm form = fiveLevel ? X86_64_5LEVEL : X86_64_4LEVEL;
        return new PagingMode(form.id(), form, entries);
    }

    public static PagingMode x86_32() {
        return new PagingMode(X86_32.id(), X86_32, new X86_32Entry());
    }

    public static PagingMode x86Pae() {
        return new PagingMode(X86_PAE.id(), X86_PAE, new X86PaeEntry());
    }

    public static PagingMode armShort() {
        return new PagingMode(ARM_SHORT.id(), ARM_SHORT, new ArmShortEntry());
    }

    public static PagingMode armLpae() {
        return new PagingMode(ARM_LPAE.id(), ARM_LPAE, new LongDescriptorEntry(40, false, 2, false));
    }

    /**
     * AArch64 stage 1 for a granule and a virtual-address width: each level resolves (granule bits - 3)
     * bits; the top level takes what is left. Levels are named from L3 (the last) upwards.
     *
     * @param pageShift 12, 14 or 16 (4, 16 or 64 KiB granule)
     * @param vaBits    39, 42, 47, 48 or 52
     * @param paBits    48, or 52 with LPA (64 KiB granule)
     */
    public static PagingMode aarch64(int pageShift, int vaBits, int paBits) {
        int perLevel = pageShift - 3;
        List<Integer> widths = new ArrayList<>();
        widths.add(pageShift);
        int covered = pageShift;
        while (covered < vaBits) {
            int w = Math.min(perLevel, vaBits - covered);
            widths.add(w);
            covered += w;
        }
        int levels = widths.size() - 1;
        String[] names = new String[levels];
        for (int i = 0; i < levels; i++) {
            names[i] = "L" + (3 - (levels - 1 - i));
        }
        String id = "aarch64-" + (1 << (pageShift - 10)) + "k-" + vaBits;
        PagingForm form = PagingForm.of(id, 8, widths.stream().mapToInt(Integer::intValue).toArray(), names);
        boolean lpa = paBits > 48 && pageShift == 16;
        int blockLevels = pageShift == 12 ? 2 : lpa ? 2 : 1;
        return new PagingMode(id, form, new LongDescriptorEntry(paBits, lpa, blockLevels, true));
    }
}
