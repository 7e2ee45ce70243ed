package dev.vmscope.core;

import dev.vmscope.core.format.KernelMap;
import dev.vmscope.core.io.Memory;
import dev.vmscope.core.kernel.VirtualRegion;
import dev.vmscope.core.xlat.AddressSpaceMap;
import dev.vmscope.core.xlat.EntryArrayMethod;
import dev.vmscope.core.xlat.LinearMethod;
import dev.vmscope.core.xlat.PagingMode;
import dev.vmscope.core.xlat.PagingModes;
import dev.vmscope.core.xlat.Permissions;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns what a format says about its kernel's translation (plain data, {@link KernelMap}) into translation
 * methods over the dump's memory, and into the named regions of the kernel's virtual layout.
 */
final class KernelMaps {
    /** Direct maps are the kernel's data: writable, not executable, not for user space. */
    private static final Permissions DIRECT_MAP = new Permissions(true, false, false);

    private KernelMaps() {
    }

    /**
     * @param physical the memory the dump holds, where tables below an array's entries are read
     */
    static AddressSpaceMap addressSpace(String source, KernelMap map, Memory physical, ByteOrder order) {
        PagingMode mode = PagingModes.byId(map.pagingMode()).orElseThrow(() -> new UnsupportedDumpException(source, 0,
                "a kernel map in paging mode " + map.pagingMode()));
        List<AddressSpaceMap.Region> regions = new ArrayList<>();
        for (KernelMap.Region r : map.regions()) {
            switch (r) {
                case KernelMap.Linear l -> regions.add(new AddressSpaceMap.Region(l.start(), l.last(), l.name(),
                        new LinearMethod(l.start(), l.physStart(), mode, DIRECT_MAP)));
                case KernelMap.EntryArray a -> {
                    if (a.level() >= mode.form().depth()) {
                        throw new UnsupportedDumpException(source, a.offset(), a.name() + " of level " + a.level()
                                + " in paging mode " + mode.id() + ", which has " + mode.form().depth());
                    }
                    var method = new EntryArrayMethod(a.name(), a.start(), a.count(), a.level(), a.entries(), a.offset(),
                            mode, physical, order);
                    if (a.count() > 0) {
                        regions.add(new AddressSpaceMap.Region(a.start(), method.last(), a.name(), method));
                    }
                }
            }
        }
        return new AddressSpaceMap(regions, mode);
    }

    /** The regions as the kernel's virtual layout (end exclusive), each with its method in words. */
    static List<VirtualRegion> layout(AddressSpaceMap map) {
        List<VirtualRegion> out = new ArrayList<>();
        for (AddressSpaceMap.Region r : map.regions()) {
            String name = r.method() instanceof LinearMethod ? r.name() : "kernel";
            out.add(new VirtualRegion(r.start(), r.last() + 1, name, r.method().describe()));
        }
        return out;
    }
}
