package dev.vmscope.core.xlat.arm;

import dev.vmscope.core.xlat.DecodedEntry;
import dev.vmscope.core.xlat.EntryFormat;
import dev.vmscope.core.xlat.FaultKind;
import dev.vmscope.core.xlat.PagingForm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An ARMv4/v5 translation table entry (ARM ARM DDI 0100, B3.3; also ARMv6 with SCTLR.XP = 0): a 2-level
 * walk {12, 8, 12} through coarse second-level tables. First level: fault (00), coarse page table (01:
 * base 31:10, domain 8:5), section (10: 1 MiB, base 31:20, AP 11:10, domain 8:5, C 3, B 2) or fine page
 * table (11, 1 KiB pages, not walked). Second level: fault (00), large page (01: 64 KiB, base 31:16),
 * small page (10: 4 KiB, base 31:12), both with four subpage permissions AP3..AP0 in bits 11:4; type 11
 * is a tiny or extended small page, which coarse tables of plain ARMv4/v5 do not hold. There is no
 * execute-never. Permissions read with the S and R bits of the control register clear.
 */
public final class ArmV5Entry implements EntryFormat {
    private static final Map<String, String> EXPLAIN = Map.ofEntries(
            Map.entry("table", "first-level type 01: points to a coarse second-level table"),
            Map.entry("section", "first-level type 10: maps a 1 MiB section"),
            Map.entry("large", "second-level type 01: maps a 64 KiB large page"),
            Map.entry("small", "second-level type 10: maps a 4 KiB small page"),
            Map.entry("b", "B: bufferable"),
            Map.entry("c", "C: cacheable"));

    @Override
    public DecodedEntry decode(long raw, int level, PagingForm form) {
        long e = raw & 0xffff_ffffL;
        return level == 0 ? first(e) : second(e);
    }

    private static DecodedEntry first(long e) {
        List<String> flags = new ArrayList<>();
        int type = (int) (e & 3);
        switch (type) {
            case 0:
                return DecodedEntry.notPresent(flags);
            case 1:
                flags.add("table");
                flags.add("domain=" + ((e >>> 5) & 0xf));
                return new DecodedEntry(true, false, e & 0xffff_fc00L, flags, true, true, false);
            case 3:
                return DecodedEntry.unusable(flags, FaultKind.UNSUPPORTED,
                        "points to a fine page table (1 KiB tiny pages), which vmscope does not walk");
            default:
                break;
        }
        flags.add("section");
        cacheBits(e, flags);
        flags.add("domain=" + ((e >>> 5) & 0xf));
        long ap = (e >>> 10) & 3;
        flags.add("ap=" + ArmShortEntry.apName(ap));
        return new DecodedEntry(true, true, e & 0xfff0_0000L, flags, ArmShortEntry.writable(ap), ArmShortEntry.user(ap),
                false, 1L << 20);
    }

    private static DecodedEntry second(long e) {
        List<String> flags = new ArrayList<>();
        int type = (int) (e & 3);
        if (type == 0) {
            return DecodedEntry.notPresent(flags);
        }
        if (type == 3) {
            return DecodedEntry.unusable(flags, FaultKind.UNSUPPORTED,
                    "is a tiny or extended small page (type 11), which a coarse ARMv4/v5 table does not hold");
        }
        boolean large = type == 1;
        flags.add(large ? "large" : "small");
        cacheBits(e, flags);
        boolean writable = true;
        boolean user = true;
        long ap0 = (e >>> 4) & 3;
        boolean uniform = true;
        for (int sub = 0; sub < 4; sub++) {
            long ap = (e >>> (4 + 2 * sub)) & 3;
            uniform &= ap == ap0;
            writable &= ArmShortEntry.writable(ap);
            user &= ArmShortEntry.user(ap);
        }
        if (uniform) {
            flags.add("ap=" + ArmShortEntry.apName(ap0));
        } else {
            for (int sub = 0; sub < 4; sub++) {
                flags.add("ap" + sub + "=" + ArmShortEntry.apName((e >>> (4 + 2 * sub)) & 3));
            }
        }
        long base = large ? e & 0xffff_0000L : e & 0xffff_f000L;
        return new DecodedEntry(true, true, base, flags, writable, user, false, large ? 64L << 10 : 4L << 10);
    }

    private static void cacheBits(long e, List<String> flags) {
        if ((e & 4) != 0) {
            flags.add("b");
        }
        if ((e & 8) != 0) {
            flags.add("c");
        }
    }

    @Override
    public long rootTable(long ttbr) {
        return ttbr & 0xffff_c000L;
    }

    @Override
    public boolean isValidAddress(long va, PagingForm form) {
        return (va >>> 32) == 0;
    }

    @Override
    public String explain(String flag) {
        int eq = flag.indexOf('=');
        String key = eq > 0 ? flag.substring(0, eq) : flag;
        if (key.equals("domain")) {
            return "Domain (bits 8:5): access is checked against the domain access control register (" + flag + ")";
        }
        if (key.startsWith("ap")) {
            return "AP: access permissions; small and large pages have one per quarter (subpage) unless all four agree (" + flag + ")";
        }
        return EXPLAIN.getOrDefault(key, flag);
    }
}
