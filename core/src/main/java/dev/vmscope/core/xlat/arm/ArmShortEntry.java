package dev.vmscope.core.xlat.arm;

import dev.vmscope.core.xlat.DecodedEntry;
import dev.vmscope.core.xlat.EntryFormat;
import dev.vmscope.core.xlat.FaultKind;
import dev.vmscope.core.xlat.PagingForm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An ARMv7 short-descriptor entry (ARMv7-A ARM B3.5): a 2-level walk {12, 8, 12} of 4-byte entries.
 * First level: fault (00), page table (01: base 31:10, domain 8:5), section (10, bit 18 clear: 1 MiB,
 * base 31:20) or supersection (10, bit 18 set: 16 MiB, base 31:24 with extended bits 23:20 and 8:5
 * giving address bits 35:32 and 39:36). Second level: fault (00), large page (01: 64 KiB, base 31:16,
 * XN bit 15, TEX 14:12) or small page (1x: 4 KiB, base 31:12, XN bit 0, TEX 8:6). A first-level type 11
 * is a section whose bit 0 (PXN) is set on CPUs that implement PXN (every CPU with LPAE) and is reserved
 * on the others.
 */
public final class ArmShortEntry implements EntryFormat {
    private static final Map<String, String> EXPLAIN = Map.ofEntries(
            Map.entry("table", "first-level type 01: points to a second-level table"),
            Map.entry("section", "first-level type 10: maps a 1 MiB section"),
            Map.entry("supersection", "first-level type 10 with bit 18: maps a 16 MiB supersection"),
            Map.entry("large", "second-level type 01: maps a 64 KiB large page"),
            Map.entry("small", "second-level type 1x: maps a 4 KiB small page"),
            Map.entry("b", "B: bufferable (with C and TEX: the memory type)"),
            Map.entry("c", "C: cacheable (with B and TEX: the memory type)"),
            Map.entry("xn", "XN: execute never"),
            Map.entry("pxn", "PXN: privileged execute never"),
            Map.entry("s", "S: shareable"),
            Map.entry("ng", "nG: not global — belongs to one ASID"),
            Map.entry("ns", "NS: non-secure"),
            Map.entry("apx", "APX/AP[2]: read-only"));

    private final boolean pxn;

    /** Short descriptors of a CPU that implements PXN (the usual case: every ARMv7 CPU with LPAE does). */
    public ArmShortEntry() {
        this(true);
    }

    /**
     * @param pxn whether the CPU implements the PXN attribute, which makes first-level type 11 a section
     *            with PXN set rather than a reserved encoding
     */
    public ArmShortEntry(boolean pxn) {
        this.pxn = pxn;
    }

    @Override
    public DecodedEntry decode(long raw, int level, PagingForm form) {
        long e = raw & 0xffff_ffffL;
        return level == 0 ? first(e) : second(e);
    }

    private DecodedEntry first(long e) {
        List<String> flags = new ArrayList<>();
        int type = (int) (e & 3);
        if (type == 1) {
            flags.add("table");
            flags.add("domain=" + ((e >>> 5) & 0xf));
            flag(flags, e, 2, "pxn");
            flag(flags, e, 3, "ns");
            return new DecodedEntry(true, false, e & 0xffff_fc00L, flags, true, true, (e & 4) != 0);
        }
        if (type == 0) {
            return DecodedEntry.notPresent(flags);
        }
        if (type == 3 && !pxn) {
            return DecodedEntry.unusable(flags, FaultKind.CORRUPT,
                    "is reserved (first-level type 11 without the PXN extension)");
        }
        boolean supersection = (e & (1L << 18)) != 0;
        flags.add(supersection ? "supersection" : "section");
        flag(flags, e, 0, "pxn");
        flag(flags, e, 2, "b");
        flag(flags, e, 3, "c");
        flag(flags, e, 4, "xn");
        if (!supersection) {
            flags.add("domain=" + ((e >>> 5) & 0xf));
        }
        long ap = ((e >>> 10) & 3) | ((e >>> 15) & 1) << 2;
        flags.add("tex=" + ((e >>> 12) & 7));
        flags.add("ap=" + apName(ap));
        flag(flags, e, 16, "s");
        flag(flags, e, 17, "ng");
        flag(flags, e, 19, "ns");
        long base = supersection
                ? (e & 0xff00_0000L) | ((e >>> 20) & 0xf) << 32 | ((e >>> 5) & 0xf) << 36
                : e & 0xfff0_0000L;
        return new DecodedEntry(true, true, base, flags, writable(ap), user(ap), (e & 0x11) != 0,
                supersection ? 16L << 20 : 1L << 20);
    }

    private DecodedEntry second(long e) {
        List<String> flags = new ArrayList<>();
        int type = (int) (e & 3);
        if (type == 0) {
            return DecodedEntry.notPresent(flags);
        }
        boolean large = type == 1;
        flags.add(large ? "large" : "small");
        flag(flags, e, 2, "b");
        flag(flags, e, 3, "c");
        long ap = ((e >>> 4) & 3) | ((e >>> 9) & 1) << 2;
        flags.add("tex=" + (large ? (e >>> 12) & 7 : (e >>> 6) & 7));
        flags.add("ap=" + apName(ap));
        flag(flags, e, 10, "s");
        flag(flags, e, 11, "ng");
        boolean xn = large ? (e & (1L << 15)) != 0 : (e & 1) != 0;
        if (xn) {
            flags.add("xn");
        }
        long base = large ? e & 0xffff_0000L : e & 0xffff_f000L;
        return new DecodedEntry(true, true, base, flags, writable(ap), user(ap), xn, large ? 64L << 10 : 4L << 10);
    }

    /** AP[2:0] in the ARMv7 access-permission model (privileged/user); AP[1:0] alone is the ARMv5 model. */
    static String apName(long ap) {
        return switch ((int) ap) {
            case 0 -> "none";
            case 1 -> "priv-rw";
            case 2 -> "priv-rw,user-ro";
            case 3 -> "rw";
            case 5 -> "priv-ro";
            case 6, 7 -> "ro";
            default -> "reserved";
        };
    }

    static boolean writable(long ap) {
        return ap == 1 || ap == 2 || ap == 3;
    }

    static boolean user(long ap) {
        return ap == 2 || ap == 3 || ap == 6 || ap == 7;
    }

    private static void flag(List<String> flags, long e, int bit, String name) {
        if ((e & (1L << bit)) != 0) {
            flags.add(name);
        }
    }

    @Override
    public long rootTable(long ttbr0) {
        return ttbr0 & 0xffff_c000L;
    }

    @Override
    public boolean isValidAddress(long va, PagingForm form) {
        return (va >>> 32) == 0;
    }

    @Override
    public String explain(String flag) {
        int eq = flag.indexOf('=');
        String key = eq > 0 ? flag.substring(0, eq) : flag;
        return switch (key) {
            case "domain" -> "Domain (bits 8:5): access is checked against DACR for this domain (" + flag + ")";
            case "tex" -> "TEX: type extension, with C and B the memory type (" + flag + ")";
            case "ap" -> "AP/APX: access permissions (" + flag + ")";
            default -> EXPLAIN.getOrDefault(key, flag);
        };
    }
}
