package dev.vmscope.app.cli;

import dev.vmscope.core.Session;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.kernel.KernelFacts;
import dev.vmscope.core.notes.VmcoreInfo;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The facts {@code info} prints, gathered once from a session so that the text and the JSON say the
 * same. Kernel facts that only VMCOREINFO can give (KASLR offset, phys_base) are empty without it.
 *
 * @param pagingMode   e.g. {@code x86_64-4level}; empty when the dump's architecture is not walked
 * @param pageSize     from VMCOREINFO {@code PAGESIZE}, else the paging mode's base page
 * @param memory       the ranges whose bytes the dump gives (RAM) or records as zero, end exclusive
 */
record DumpSummary(Dump dump, Optional<String> pagingMode, OptionalLong pageSize, Optional<String> kernelRelease,
                   List<MemoryRange> memory, Optional<KernelFacts> kernel, Optional<String> kernelProblem,
                   OptionalLong kaslrOffset, OptionalLong physBase, Optional<XenSummary> xen) {

    static DumpSummary of(Session session) {
        Dump dump = session.dump();
        Optional<VmcoreInfo> info = dump.vmcoreinfo();
        Optional<KernelFacts> kernel = session.kernel();
        OptionalLong pageSize = info.map(VmcoreInfo::pageSize).filter(OptionalLong::isPresent)
                .orElseGet(() -> kernel.map(k -> OptionalLong.of(k.mode().form().pageSize())).orElse(OptionalLong.empty()));
        List<MemoryRange> memory = dump.memory().ranges().stream()
                .filter(r -> r.kind() == RangeKind.RAM || r.kind() == RangeKind.ZERO)
                .toList();
        boolean fromInfo = info.isPresent() && kernel.isPresent();
        return new DumpSummary(dump,
                kernel.map(k -> k.mode().id()),
                pageSize,
                kernel.flatMap(KernelFacts::release).or(() -> info.flatMap(VmcoreInfo::osRelease)),
                memory,
                kernel,
                session.kernelProblem(),
                fromInfo ? OptionalLong.of(kernel.get().kaslrOffset()) : OptionalLong.empty(),
                fromInfo ? OptionalLong.of(kernel.get().physBase()) : OptionalLong.empty(),
                XenSummary.of(session));
    }
}
