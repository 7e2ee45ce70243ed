package dev.vmscope.core.xlat;

import dev.vmscope.core.xlat.arm.ArmShortEntry;
import dev.vmscope.core.xlat.arm.ArmV5Entry;
import dev.vmscope.core.xlat.arm.LongDescriptorEntry;
import dev.vmscope.core.xlat.x86.X86PaeEntry;
import dev.vmscope.core.xlat.x86.X86_32Entry;
import dev.vmscope.core.xlat.x86.X86_64Entry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    /** ARMv4/v5 descriptors through coarse tables: the short-descriptor geometry, the older entry format. */
    public static final PagingForm ARM_SHORT_V5 = PagingForm.of("arm-short-v5", 4, new int[] {12, 8, 12}, "L1", "L2");
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

    public static PagingMode armV5() {
        return new PagingMode(ARM_SHORT_V5.id(), ARM_SHORT_V5, new ArmV5Entry());
    }

    public static PagingMode armLpae() {
        return new PagingMode(ARM_LPAE.id(), ARM_LPAE, LongDescriptorEntry.armv7Lpae());
    }

    /**
     * The paging mode of an id as output names it: {@code x86_64-4level}, {@code x86_64-5level},
     * {@code x86-32}, {@code x86-pae}, {@code arm-short}, {@code arm-short-v5}, {@code arm-lpae}, or
     * {@code aarch64-<granule>k-<va bits>} (48-bit output, or 52 where the VA width needs it).
     */
    public static Optional<PagingMode> byId(String id) {
        return switch (id) {
            case "x86_64-4level" -> Optional.of(x86_64(false, X86_64Entry.standard()));
            case "x86_64-5level" -> Optional.of(x86_64(true, X86_64Entry.standard()));
            case "x86-32" -> Optional.of(x86_32());
            case "x86-pae" -> Optional.of(x86Pae());
            case "arm-short" -> Optional.of(armShort());
            case "arm-short-v5" -> Optional.of(armV5());
            case "arm-lpae" -> Optional.of(armLpae());
            default -> aarch64ById(id);
        };
    }

    private static Optional<PagingMode> aarch64ById(String id) {
        var m = java.util.regex.Pattern.compile("aarch64-(4|16|64)k-(\\d{2})").matcher(id);
        if (!m.matches()) {
            return Optional.empty();
        }
        int pageShift = Integer.numberOfTrailingZeros(Integer.parseInt(m.group(1)) << 10);
        int vaBits = Integer.parseInt(m.group(2));
        if (!aarch64Translates(pageShift, vaBits)) {
            return Optional.empty();
        }
        return Optional.of(aarch64(pageShift, vaBits, 48));
    }

    /** The fewest virtual-address bits an AArch64 walk with this granule takes: two levels of tables. */
    public static int aarch64FewestVaBits(int pageShift) {
        return pageShift + (pageShift - 3);
    }

    /** Whether AArch64 has a stage-1 walk with this granule ({@code pageShift} 12, 14 or 16) and VA width. */
    public static boolean aarch64Translates(int pageShift, long vaBits) {
        return (pageShift == 12 || pageShift == 14 || pageShift == 16) && vaBits >= aarch64FewestVaBits(pageShift) && vaBits <= 52;
    }

    /**
     * AArch64 stage 1 for a granule and a virtual-address width: each level resolves (granule bits - 3)
     * bits; the top level takes what is left. Levels are named from L3 (the last) upwards, so a 52-bit
     * 4 KiB walk starts at L-1.
     *
     * @param pageShift 12, 14 or 16 (4, 16 or 64 KiB granule)
     * @param vaBits    36 to 52 (Linux uses 39 or 48 with 4 KiB, 36, 47 or 48 with 16 KiB, 42 or 48 with
     *                  64 KiB, and 52 with each)
     * @param paBits    48, or 52: FEAT_LPA with the 64 KiB granule, FEAT_LPA2 (TCR.DS = 1) with the others;
     *                  a 52-bit VA with the 4 KiB or 16 KiB granule exists only with FEAT_LPA2, so it
     *                  implies it
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
        boolean lpa52 = paBits > 48 || (vaBits > 48 && pageShift < 16);
        return new PagingMode(id, form, LongDescriptorEntry.aarch64(pageShift, lpa52));
    }
}
