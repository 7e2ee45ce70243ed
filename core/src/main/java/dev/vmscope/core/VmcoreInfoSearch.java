package dev.vmscope.core;

import dev.vmscope.core.format.Dump;
import dev.vmscope.core.io.Bytes;
import dev.vmscope.core.io.Memory;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.kernel.KernelFacts;
import dev.vmscope.core.kernel.X86_64Kernel;
import dev.vmscope.core.notes.VmcoreInfo;
import dev.vmscope.core.notes.VmcoreInfoScanner;
import dev.vmscope.core.xlat.PageTableWalker;
import dev.vmscope.core.xlat.Translation;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Finds the kernel's VMCOREINFO note in the memory of a dump that does not carry it (QEMU dumps taken
 * without {@code -device vmcoreinfo}). The search reads the start of every page, so it runs at open
 * only for dumps of at most {@link #MAX_SEARCHED_AT_OPEN} of memory; larger ones are opened without it
 * and {@code --vmcoreinfo FILE} names the note instead.
 */
final class VmcoreInfoSearch {
    /** Beyond this much present memory, searching at open would read too much of the dump. */
    static final long MAX_SEARCHED_AT_OPEN = 4L << 30;

    private VmcoreInfoSearch() {
    }

    static boolean worthSearching(Memory memory) {
        long present = 0;
        for (MemoryRange r : memory.ranges()) {
            if (r.kind() == RangeKind.RAM) {
                present += r.size();
            }
        }
        return present <= MAX_SEARCHED_AT_OPEN;
    }

    /**
     * The dump with the note found in its memory. On x86-64 the note is taken only when the kernel it
     * describes reads back its own release through its own page tables (so a guest's note found in a
     * host's memory is not mistaken for the host's).
     */
    static Dump scan(Dump dump, Progress progress) {
        Optional<VmcoreInfo> found = VmcoreInfoScanner.scan(dump.memory(), VmcoreInfoScanner.Strategy.PAGE_START,
                dump.memory().space().word() + " memory", progress).map(VmcoreInfoScanner.Found::info);
        if (found.isEmpty() || (dump.architecture() == Architecture.X86_64 && !readsOwnRelease(dump, found.get()))) {
            return dump;
        }
        return dump.withVmcoreInfo(found.get());
    }

    private static boolean readsOwnRelease(Dump dump, VmcoreInfo info) {
        Optional<KernelFacts> k = X86_64Kernel.fromVmcoreInfo(info);
        OptionalLong uts = info.symbol("init_uts_ns");
        if (k.isEmpty() || uts.isEmpty() || info.osRelease().isEmpty()) {
            return false;
        }
        long release = uts.getAsLong() + info.offset("uts_namespace.name").orElse(0) + 2 * 65;
        Translation t = new PageTableWalker(dump.memory(), k.get().mode(), dump.architecture().byteOrder())
                .walk(k.get().pageTableRoot(), release);
        try {
            return t.mapping().map(m -> Bytes.cString(dump.memory().read(m.address(), 65), 0, 65))
                    .filter(r -> r.equals(info.osRelease().get())).isPresent();
        } catch (MemoryAccessException e) {
            return false;
        }
    }
}
