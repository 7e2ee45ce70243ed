package dev.vmscope.core.xlat.arm;

import dev.vmscope.core.xlat.DecodedEntry;
import dev.vmscope.core.xlat.EntryFormat;
import dev.vmscope.core.xlat.PagingForm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A long-descriptor translation table entry: AArch64 VMSAv8-64 stage 1 (Arm ARM D8) and ARMv7 LPAE
 * (ARMv7-A ARM B3.6) share it. Bits 1:0 say invalid (x0), block (01, at the levels that allow blocks)
 * or table/page (11). Attributes: AttrIndx 4:2, NS 5, AP 7:6, SH 9:8, AF 10, nG 11, DBM 51,
 * Contiguous 52, PXN 53, UXN/XN 54; table descriptors carry PXNTable 59, XNTable 60, APTable 62:61.
 */
public final class LongDescriptorEntry implements EntryFormat {
    private static final Map<String, String> EXPLAIN = Map.ofEntries(
            Map.entry("valid", "bit 0: the descriptor is valid; clear means a translation fault"),
            Map.entry("table", "bits 1:0 = 11 above the last level: points to the next table"),
            Map.entry("block", "bits 1:0 = 01: maps a block (a large page) at this level"),
            Map.entry("page", "bits 1:0 = 11 at the last level: maps one page"),
            Map.entry("ro", "AP[2] (bit 7): read-only"),
            Map.entry("user", "AP[1] (bit 6): accessible from EL0 (user space)"),
            Map.entry("af", "AF (bit 10): access flag; a fault is taken on first use while clear"),
            Map.entry("ng", "nG (bit 11): not global — the TLB entry belongs to one ASID (a process)"),
            Map.entry("ns", "NS (bit 5): non-secure physical address space"),
            Map.entry("dbm", "DBM (bit 51): hardware dirty-bit management — writable once AP[2] is cleared"),
            Map.entry("cont", "Contiguous (bit 52): part of a group of entries mapping one contiguous range"),
            Map.entry("pxn", "PXN (bit 53): no instruction fetch at EL1 (the kernel)"),
            Map.entry("uxn", "UXN/XN (bit 54): no instruction fetch at EL0 (and, on ARMv7, at all)"),
            Map.entry("pxntable", "PXNTable (bit 59): nothing below this table is executable at EL1"),
            Map.entry("xntable", "XNTable/UXNTable (bit 60): nothing below this table is executable at EL0"),
            Map.entry("aptable", "APTable (bits 62:61): limits the access of everything below this table"));

    private final long outputMask;
    private final boolean lpa;
    private final int firstBlockLevelFromBottom;
    private final boolean aarch64;

    /**
     * @param outputBits      physical address width (48 for AArch64 without LPA, 52 with it, 40 for ARMv7 LPAE)
     * @param lpa             64 KiB-granule 52-bit output: address bits 51:48 come from descriptor bits 15:12
     * @param blockLevels     how many levels above the last one may hold block descriptors (2 for 4 KiB:
     *                        L1 and L2; 1 for 16 KiB and 64 KiB without LPA: L2 only)
     * @param aarch64         AArch64 naming (UXN/PXN) rather than ARMv7's (XN/PXN)
     */
    public LongDescriptorEntry(int outputBits, boolean lpa, int blockLevels, boolean aarch64) {
        this.outputMask = ((1L << Math.min(outputBits, 48)) - 1);
        this.lpa = lpa;
        this.firstBlockLevelFromBottom = blockLevels;
        this.aarch64 = aarch64;
    }

    @Override
    public DecodedEntry decode(long raw, int level, PagingForm form) {
        boolean last = level == form.depth() - 1;
        int fromBottom = form.depth() - 1 - level;
        boolean valid = (raw & 1) != 0;
        boolean tableOrPage = (raw & 2) != 0;
        boolean block = valid && !tableOrPage && !last && fromBottom <= firstBlockLevelFromBottom;
        List<String> flags = new ArrayList<>();
        if (!valid || (!tableOrPage && !block)) {
            return DecodedEntry.notPresent(flags);
        }
        boolean leaf = last || block;
        flags.add("valid");
        flags.add(last ? "page" : block ? "block" : "table");
        long granuleMask = ~(form.pageSize() - 1);
        long address = raw & outputMask & granuleMask;
        if (lpa) {
            address |= ((raw >>> 12) & 0xf) << 48;
        }
        if (!leaf) {
            tableFlags(raw, flags);
            boolean noWrite = (raw & (1L << 62)) != 0;
            boolean noUser = (raw & (1L << 61)) != 0;
            return new DecodedEntry(true, false, address, flags, !noWrite, !noUser, (raw & (1L << 59)) != 0);
        }
        if (block) {
            address &= ~(form.mappedBy(level) - 1);
        }
        leafFlags(raw, flags);
        boolean readOnly = (raw & (1L << 7)) != 0;
        boolean user = (raw & (1L << 6)) != 0;
        return new DecodedEntry(true, true, address, flags, !readOnly, user, (raw & (1L << 53)) != 0);
    }

    private void leafFlags(long raw, List<String> flags) {
        flags.add("attrindx=" + ((raw >>> 2) & 7));
        flag(flags, raw, 5, "ns");
        flags.add((raw & (1L << 7)) != 0 ? "ro" : "rw");
        flag(flags, raw, 6, "user");
        flags.add("sh=" + new String[] {"non", "reserved", "outer", "inner"}[(int) ((raw >>> 8) & 3)]);
        flag(flags, raw, 10, "af");
        flag(flags, raw, 11, "ng");
        if (aarch64) {
            flag(flags, raw, 51, "dbm");
        }
        flag(flags, raw, 52, "cont");
        flag(flags, raw, 53, "pxn");
        flag(flags, raw, 54, aarch64 ? "uxn" : "xn");
    }

    private static void tableFlags(long raw, List<String> flags) {
        flag(flags, raw, 59, "pxntable");
        flag(flags, raw, 60, "xntable");
        long ap = (raw >>> 61) & 3;
        if (ap != 0) {
            flags.add("aptable=" + ap);
        }
    }

    private static void flag(List<String> flags, long raw, int bit, String name) {
        if ((raw & (1L << bit)) != 0) {
            flags.add(name);
        }
    }

    @Override
    public long rootTable(long ttbr) {
        long base = ttbr & 0x0000_ffff_ffff_fffeL;
        if (lpa) {
            base = (ttbr & 0x0000_ffff_ffff_ffc0L) | ((ttbr >>> 2) & 0xf) << 48;
        }
        return base;
    }

    @Override
    public boolean isValidAddress(long va, PagingForm form) {
        int bits = form.vaBits();
        if (bits >= 64) {
            return true;
        }
        long top = va >>> bits;
        if (!aarch64) {
            return top == 0;
        }
        return top == 0 || top == (-1L >>> bits);
    }

    @Override
    public long canonical(long va, PagingForm form, boolean upperHalf) {
        int bits = form.vaBits();
        if (!aarch64 || !upperHalf || bits >= 64) {
            return va;
        }
        return va | (-1L << bits);
    }

    @Override
    public String explain(String flag) {
        int eq = flag.indexOf('=');
        String key = eq > 0 ? flag.substring(0, eq) : flag;
        return switch (key) {
            case "attrindx" -> "AttrIndx (bits 4:2): index into MAIR, the memory type (" + flag + ")";
            case "sh" -> "SH (bits 9:8): shareability (" + flag + ")";
            case "rw" -> "AP[2] (bit 7) clear: writable";
            default -> EXPLAIN.getOrDefault(key, flag);
        };
    }
}
