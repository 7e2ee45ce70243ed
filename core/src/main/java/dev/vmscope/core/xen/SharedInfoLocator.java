package dev.vmscope.core.xen;

import dev.vmscope.core.Hex;
import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.UnmappedAddressException;
import dev.vmscope.core.io.Address;
import dev.vmscope.core.io.Bytes;
import dev.vmscope.core.io.Memory;
import dev.vmscope.core.notes.VmcoreInfo;

import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Finds dom0's shared-info page, and so its {@link ArchSharedInfo}, from Xen's own data: VMCOREINFO_XEN
 * names {@code domain_list} and the offsets of {@code domain_id} and {@code next_in_list}; dom0's
 * {@code struct domain} holds a pointer into Xen's direct map to the page. The field's offset is not
 * published, so every page-aligned direct-map pointer in the structure is tried, and a page is taken
 * only when its {@code pfn_to_mfn_frame_list_list} equals the crash note's (or, without one, when
 * its words look like an arch_shared_info).
 */
public final class SharedInfoLocator {
    /** Domains followed at most along {@code next_in_list}. */
    static final int MAX_DOMAINS = 1 << 15;
    /** Bytes of {@code struct domain} searched at most. */
    static final int MAX_DOMAIN_BYTES = 1 << 14;

    private SharedInfoLocator() {
    }

    public static Finding<ArchSharedInfo> locate(XenHypervisor xen, XenFacts facts, Memory machine, ByteOrder order) {
        Optional<VmcoreInfo> info = facts.vmcoreinfoXen();
        OptionalLong list = facts.symbol("domain_list");
        OptionalLong idAt = info.map(i -> i.offset("domain.domain_id")).orElse(OptionalLong.empty());
        OptionalLong nextAt = info.map(i -> i.offset("domain.next_in_list")).orElse(OptionalLong.empty());
        OptionalLong size = info.map(i -> i.size("domain")).orElse(OptionalLong.empty());
        if (list.isEmpty() || idAt.isEmpty() || nextAt.isEmpty() || size.isEmpty()) {
            return Finding.missing("VMCOREINFO_XEN lacks SYMBOL(domain_list), OFFSET(domain.domain_id), "
                    + "OFFSET(domain.next_in_list) or SIZE(domain), so dom0's shared-info page cannot be found");
        }
        OptionalLong dom0 = findDom0(xen, list.getAsLong(), idAt.getAsLong(), nextAt.getAsLong());
        if (dom0.isEmpty()) {
            return Finding.missing("no domain 0 on Xen's domain_list (" + Hex.of(list.getAsLong()) + ")");
        }
        int bytes = (int) Math.min(Math.max(size.getAsLong(), 0), MAX_DOMAIN_BYTES) & ~7;
        byte[] domain;
        try {
            domain = xen.read(dom0.getAsLong(), bytes);
        } catch (MemoryAccessException | UnmappedAddressException e) {
            return Finding.missing("dom0's struct domain at Xen virtual " + Hex.of(dom0.getAsLong()) + " cannot be read: " + e.getMessage());
        }
        OptionalLong fll = facts.frameListList();
        for (int at = 0; at < bytes; at += 8) {
            long pointer = Bytes.u64(domain, at, order);
            if ((pointer & 0xfff) != 0 || XenHypervisor.directMap(pointer).isEmpty()) {
                continue;
            }
            Optional<Address> page = xen.machineAddress(pointer);
            if (page.isEmpty() || !machine.isReadable(page.get().value() + ArchSharedInfo.OFFSET, ArchSharedInfo.SIZE)) {
                continue;
            }
            ArchSharedInfo arch = ArchSharedInfo.read(machine, page.get().value(), order);
            boolean match = fll.isPresent() ? arch.frameListList() == fll.getAsLong() && arch.plausible() : arch.plausible();
            if (match) {
                return Finding.found(arch, "dom0's struct domain at Xen virtual " + Hex.of(dom0.getAsLong())
                        + " points at offset " + at + " to its shared-info page " + Hex.of(pointer) + " (machine "
                        + Hex.of(page.get().value()) + ")" + (fll.isPresent()
                        ? ", whose frame-list-list equals the crash note's " + Hex.of(fll.getAsLong()) : ""));
            }
        }
        return Finding.missing("no pointer in dom0's struct domain at Xen virtual " + Hex.of(dom0.getAsLong())
                + " leads to a shared-info page" + (fll.isPresent() ? " with frame-list-list " + Hex.of(fll.getAsLong()) : ""));
    }

    /** Follows {@code domain_list} to the domain whose id is 0, guarding against loops. */
    private static OptionalLong findDom0(XenHypervisor xen, long listSymbol, long idAt, long nextAt) {
        OptionalLong d = xen.readLong(listSymbol);
        Set<Long> seen = new HashSet<>();
        while (d.isPresent() && d.getAsLong() != 0 && seen.size() < MAX_DOMAINS && seen.add(d.getAsLong())) {
            long domain = d.getAsLong();
            OptionalLong id = xen.readLong(domain + idAt);
            if (id.isEmpty()) {
                return OptionalLong.empty();
            }
            if ((id.getAsLong() & 0xffff) == 0) {
                return OptionalLong.of(domain);
            }
            d = xen.readLong(domain + nextAt);
        }
        return OptionalLong.empty();
    }
}
