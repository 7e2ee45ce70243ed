package dev.vmscope.core.xlat.arm;

import dev.vmscope.core.xlat.DecodedEntry;
import dev.vmscope.core.xlat.EntryFormat;
import dev.vmscope.core.xlat.FaultKind;
import dev.vmscope.core.xlat.PagingForm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A long-descriptor translation table entry: AArch64 VMSAv8-64 stage 1 (Arm ARM D8.3) and ARMv7 LPAE
 * (ARMv7-A ARM B3.6) share it. Bits 1:0 say invalid (x0), block (01, at the levels that allow blocks;
 * reserved elsewhere) or table/page (11). Attributes: AttrIndx 4:2, NS 5, AP 7:6, SH 9:8, AF 10, nG 11,
 * GP 50, DBM 51, Contiguous 52, PXN 53, UXN/XN 54; table descriptors carry PXNTable 59, XNTable 60,
 * APTable 62:61 and NSTable 63. The output address is bits 47:granule (39:12 on ARMv7); with FEAT_LPA and
 * the 64 KiB granule bits 15:12 hold address bits 51:48; with FEAT_LPA2 (TCR.DS = 1, 4 KiB and 16 KiB
 * granules) the address is bits 49:granule and bits 9:8 hold address bits 51:50, shareability moving to TCR.
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
            Map.entry("gp", "GP (bit 50): guarded page — indirect branches must land on BTI instructions"),
            Map.entry("dbm", "DBM (bit 51): hardware dirty-bit management — writable once AP[2] is cleared"),
            Map.entry("cont", "Contiguous (bit 52): part of a group of entries mapping one contiguous range"),
            Map.entry("pxn", "PXN (bit 53): no instruction fetch at EL1 (the kernel)"),
            Map.entry("uxn", "UXN (bit 54): no instruction fetch at EL0 (user space)"),
            Map.entry("xn", "XN (bit 54): no instruction fetch at any privilege level"),
            Map.entry("pxntable", "PXNTable (bit 59): nothing below this table is executable at EL1"),
            Map.entry("xntable", "XNTable/UXNTable (bit 60): nothing below this table is executable at EL0 (ARMv7: at all)"),
            Map.entry("nstable", "NSTable (bit 63): the tables below are in the non-secure address space"));

    /** How the output address sits in a descriptor. */
    private enum Output {
        /** ARMv7 LPAE: bits 39:12. */
        BITS_40,
        /** AArch64 without 52-bit output: bits 47:granule. */
        BITS_48,
        /** FEAT_LPA, 64 KiB granule: bits 47:16, and bits 15:12 hold address bits 51:48. */
        LPA,
        /** FEAT_LPA2 (TCR.DS = 1): bits 49:granule, and bits 9:8 hold address bits 51:50. */
        LPA2
    }

    private final Output output;
    private final int blockLevels;
    private final boolean aarch64;

    /**
     * @param blockLevels how many levels above the last one may hold blocks, counted from the bottom
     *                    (2 for a 4 KiB granule: L2 and L1)
     */
    private LongDescriptorEntry(Output output, int blockLevels, boolean aarch64) {
        this.output = output;
        this.blockLevels = blockLevels;
        this.aarch64 = aarch64;
    }

    /** ARMv7 LPAE: 40-bit output addresses, blocks at L1 (1 GiB) and L2 (2 MiB). */
    public static LongDescriptorEntry armv7Lpae() {
        return new LongDescriptorEntry(Output.BITS_40, 2, false);
    }

    /**
     * AArch64 stage 1 (Arm ARM D8.3.1, blocks by granule): 4 KiB blocks at L1 and L2 (and L0 with LPA2),
     * 16 KiB at L2 (and L1 with LPA2), 64 KiB at L2 (and L1 with LPA).
     *
     * @param pageShift 12, 14 or 16
     * @param lpa52     52-bit output: FEAT_LPA for the 64 KiB granule, FEAT_LPA2 (TCR.DS = 1) for the others
     */
    public static LongDescriptorEntry aarch64(int pageShift, boolean lpa52) {
        if (pageShift != 12 && pageShift != 14 && pageShift != 16) {
            throw new IllegalArgumentException("AArch64 granule of 2^" + pageShift + " bytes");
        }
        if (!lpa52) {
            return new LongDescriptorEntry(Output.BITS_48, pageShift == 12 ? 2 : 1, true);
        }
        return pageShift == 16
                ? new LongDescriptorEntry(Output.LPA, 2, true)
                : new LongDescriptorEntry(Output.LPA2, pageShift == 12 ? 3 : 2, true);
    }

    @Override
    public DecodedEntry decode(long raw, int level, PagingForm form) {
        boolean last = level == form.depth() - 1;
        int fromBottom = form.depth() - 1 - level;
        List<String> flags = new ArrayList<>();
        if ((raw & 1) == 0) {
            return DecodedEntry.notPresent(flags);
        }
        boolean block = (raw & 2) == 0;
        if (block && last) {
            return DecodedEntry.unusable(flags, FaultKind.CORRUPT, "is reserved (bits 1:0 = 01 at the last level)");
        }
        if (block && fromBottom > blockLevels) {
            return DecodedEntry.unusable(flags, FaultKind.CORRUPT, "is a block descriptor (bits 1:0 = 01), which this level does not allow with a "
                    + (form.pageSize() >> 10) + " KiB granule" + (output == Output.LPA2 ? " and FEAT_LPA2" : ""));
        }
        boolean leaf = last || block;
        flags.add("valid");
        flags.add(last ? "page" : block ? "block" : "table");
        long address = address(raw, form.pageShift());
        if (!leaf) {
            tableFlags(raw, flags);
            boolean noWrite = (raw & (1L << 62)) != 0;
            boolean noUser = (raw & (1L << 61)) != 0;
            boolean noExecute = (raw & (1L << 59)) != 0 || (!aarch64 && (raw & (1L << 60)) != 0);
            return new DecodedEntry(true, false, address, flags, !noWrite, !noUser, noExecute);
        }
        if (block) {
            address &= ~(form.mappedBy(level) - 1);
        }
        leafFlags(raw, flags);
        boolean readOnly = (raw & (1L << 7)) != 0;
        boolean user = (raw & (1L << 6)) != 0;
        boolean noExecute = (raw & (1L << 53)) != 0 || (!aarch64 && (raw & (1L << 54)) != 0);
        return new DecodedEntry(true, true, address, flags, !readOnly, user, noExecute);
    }

    /** The output (or next-table) address a descriptor holds, at the granule's alignment. */
    private long address(long raw, int pageShift) {
        long granule = -1L << pageShift;
        return switch (output) {
            case BITS_40 -> raw & 0x0000_00ff_ffff_ffffL & granule;
            case BITS_48 -> raw & 0x0000_ffff_ffff_ffffL & granule;
            case LPA -> (raw & 0x0000_ffff_ffff_ffffL & granule) | ((raw >>> 12) & 0xf) << 48;
            case LPA2 -> (raw & 0x0003_ffff_ffff_ffffL & granule) | ((raw >>> 8) & 3) << 50;
        };
    }

    private void leafFlags(long raw, List<String> flags) {
        flags.add("attrindx=" + ((raw >>> 2) & 7));
        flag(flags, raw, 5, "ns");
        flags.add((raw & (1L << 7)) != 0 ? "ro" : "rw");
        flag(flags, raw, 6, "user");
        if (output != Output.LPA2) {
            flags.add("sh=" + new String[] {"non", "reserved", "outer", "inner"}[(int) ((raw >>> 8) & 3)]);
        }
        flag(flags, raw, 10, "af");
        flag(flags, raw, 11, "ng");
        if (aarch64) {
            flag(flags, raw, 50, "gp");
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
        flag(flags, raw, 63, "nstable");
    }

    private static void flag(List<String> flags, long raw, int bit, String name) {
        if ((raw & (1L << bit)) != 0) {
            flags.add(name);
        }
    }

    /**
     * The table base in TTBR: BADDR bits 47:1 (ASID in 63:48, CnP in bit 0); with 52-bit output,
     * TTBR bits 5:2 hold base address bits 51:48 (Arm ARM D19, TTBR0_EL1.BADDR).
     */
    @Override
    public long rootTable(long ttbr) {
        if (output == Output.LPA || output == Output.LPA2) {
            return (ttbr & 0x0000_ffff_ffff_ffc0L) | ((ttbr >>> 2) & 0xf) << 48;
        }
        return ttbr & 0x0000_ffff_ffff_fffeL;
    }

    /** ARMv7: the 32-bit input address; AArch64: the TTBR0 half (top bits 0) or the TTBR1 half (top bits 1). */
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
            case "aptable" -> "APTable (bits 62:61): bit 61 forbids EL0 access, bit 62 forbids writes below this table (" + flag + ")";
            default -> EXPLAIN.getOrDefault(key, flag);
        };
    }
}
