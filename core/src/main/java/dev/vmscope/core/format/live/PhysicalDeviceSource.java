package dev.vmscope.core.format.live;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.Hex;
import dev.vmscope.core.format.ArchitectureGuess;
import dev.vmscope.core.format.FormatField;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.PositionalStorage;
import dev.vmscope.core.io.SegmentedMemory;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.io.Storage;
import dev.vmscope.core.notes.ElfNote;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * /dev/mem and /dev/crash: physical memory at file offsets. Only the "System RAM" ranges of
 * /proc/iomem are read (device memory has side effects); VMCOREINFO is found through
 * /sys/kernel/vmcoreinfo. /dev/mem is probed for CONFIG_STRICT_DEVMEM first; /dev/crash is read a
 * page at a time, as its driver demands.
 */
final class PhysicalDeviceSource {
    private PhysicalDeviceSource() {
    }

    static Attempt open(LiveSourceKind kind, LiveMachine machine) {
        MachineRoot root = machine.root();
        List<MemoryRange> ram;
        try {
            Optional<String> text = root.readText(Iomem.PATH);
            if (text.isEmpty()) {
                return refused(kind, "no " + Iomem.PATH + " to tell where RAM is");
            }
            Iomem iomem = Iomem.parse(text.get(), root.describe(Iomem.PATH));
            if (iomem.addressesHidden()) {
                return refused(kind, Iomem.PATH + " shows every address as 0 (the kernel hides them from a reader without CAP_SYS_ADMIN)");
            }
            ram = iomem.systemRam();
            if (ram.isEmpty()) {
                return refused(kind, Iomem.PATH + " lists no System RAM");
            }
        } catch (IOException e) {
            return refused(kind, "cannot read " + Iomem.PATH + ": " + e.getMessage());
        }
        PositionalStorage.Source device;
        try {
            device = root.open(kind.path());
        } catch (IOException e) {
            return new Attempt.Refused(Refusal.ofOpen(kind, e, machine));
        }
        return opened(kind, machine, kind == LiveSourceKind.CRASH ? new PageBoundedSource(device) : device, ram);
    }

    private static Attempt opened(LiveSourceKind kind, LiveMachine machine, PositionalStorage.Source device, List<MemoryRange> ram) {
        Storage storage = new PositionalStorage(device);
        try {
            List<FormatField> fields = new ArrayList<>();
            if (kind == LiveSourceKind.DEVMEM) {
                Optional<Refusal> strict = StrictDevmemProbe.probe(device, ram);
                if (strict.isPresent()) {
                    storage.close();
                    return new Attempt.Refused(strict.get());
                }
                fields.add(new FormatField(LiveHeader.SECTION, "STRICT_DEVMEM probe", "RAM readable at "
                        + Hex.of(StrictDevmemProbe.abovePage(ram)) + " above 1 MiB: no CONFIG_STRICT_DEVMEM restriction"));
            }
            List<SegmentedMemory.Segment> segments = new ArrayList<>();
            for (MemoryRange r : ram) {
                segments.add(new SegmentedMemory.Segment(r.start(), r.size(), r.start(), r.size()));
            }
            SegmentedMemory memory = new SegmentedMemory(storage, Space.PHYSICAL, segments);
            fields.add(new FormatField(LiveHeader.SECTION, "RAM ranges", ram.size() + " System RAM ranges from " + Iomem.PATH));
            SysfsVmcoreinfo info = SysfsVmcoreinfo.read(machine.root(), memory);
            fields.add(new FormatField(LiveHeader.SECTION, "VMCOREINFO", info.status()));
            List<ElfNote> notes = info.note().map(List::of).orElse(List.of());
            Optional<Architecture> arch = ArchitectureGuess.of("", notes, info.info())
                    .or(() -> ArchitectureGuess.of(System.getProperty("os.arch"), List.of(), Optional.empty()));
            return new Attempt.Opened(new OpenedSource(kind, storage.name(), storage, memory, notes, info.info(), arch, fields));
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    private static Attempt refused(LiveSourceKind kind, String reason) {
        return new Attempt.Refused(new Refusal(kind, reason));
    }
}
