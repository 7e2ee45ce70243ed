package dev.vmscope.core.format.live;

import elf4j.Logger;

import java.io.IOException;
import java.util.Optional;

/**
 * What the live code learns of the machine before opening a source: its lockdown mode, this process's
 * rights and the online CPUs. Each fact is optional: a kernel without the file simply does not say.
 */
record LiveMachine(MachineRoot root, Optional<Lockdown> lockdown, ProcessRights rights, Optional<String> onlineCpus) {
    static final String ONLINE_CPUS = "/sys/devices/system/cpu/online";
    private static final Logger LOG = Logger.instance();

    static LiveMachine inspect(MachineRoot root) {
        Optional<Lockdown> lockdown = text(root, Lockdown.PATH).flatMap(Lockdown::parse);
        ProcessRights rights = text(root, ProcessRights.PATH).map(ProcessRights::parse).orElse(ProcessRights.unknown());
        Optional<String> cpus = text(root, ONLINE_CPUS).map(String::strip).filter(s -> !s.isEmpty());
        return new LiveMachine(root, lockdown, rights, cpus);
    }

    private static Optional<String> text(MachineRoot root, String path) {
        try {
            return root.readText(path);
        } catch (IOException e) {
            LOG.atDebug().log("cannot read {}: {}", root.describe(path), e.getMessage());
            return Optional.empty();
        }
    }
}
