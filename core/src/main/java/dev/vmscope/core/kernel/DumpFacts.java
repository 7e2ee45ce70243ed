package dev.vmscope.core.kernel;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.io.Memory;
import dev.vmscope.core.notes.CpuState;
import dev.vmscope.core.notes.VmcoreInfo;

import java.util.List;
import java.util.Optional;

/** What a kernel bootstrap may look at in a dump, whatever its format: memory, CPU notes and VMCOREINFO. */
public record DumpFacts(Architecture architecture, Memory memory, List<CpuState> cpus, Optional<VmcoreInfo> vmcoreinfo) {
    public DumpFacts {
        cpus = List.copyOf(cpus);
    }
}
