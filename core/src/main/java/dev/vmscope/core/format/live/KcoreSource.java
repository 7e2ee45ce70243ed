package dev.vmscope.core.format.live;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.FormatField;
import dev.vmscope.core.format.elf.ElfCoreFormat;
import dev.vmscope.core.format.elf.ElfReader;
import dev.vmscope.core.io.PositionalStorage;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.io.Storage;
import dev.vmscope.core.notes.ElfNote;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * /proc/kcore: the running kernel as an ELF core, read with the ELF core reader. Its PT_LOADs are
 * virtual (direct map, kernel text, vmalloc, modules, vmemmap) with hundreds of them on large machines
 * and file offsets that follow the virtual addresses, so it is read positionally and never mapped.
 * Physical memory is what the segments with a valid {@code p_paddr} give (Linux 4.11 and later);
 * VMCOREINFO comes from its note (Linux 4.19 and later) or else from /sys/kernel/vmcoreinfo.
 */
final class KcoreSource {
    private KcoreSource() {
    }

    static Attempt open(LiveMachine machine) {
        PositionalStorage.Source file;
        try {
            file = machine.root().open(LiveSourceKind.KCORE.path());
        } catch (IOException e) {
            return new Attempt.Refused(Refusal.ofOpen(LiveSourceKind.KCORE, e, machine));
        }
        Storage storage = new PositionalStorage(new UnboundedSource(file));
        try {
            return opened(machine, storage);
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    private static Attempt opened(LiveMachine machine, Storage storage) {
        if (!ElfReader.isElf(storage)) {
            throw new DumpFormatException(storage.name(), 0, "ELF header: e_ident", "the ELF magic 7f 45 4c 46 of /proc/kcore");
        }
        Dump elf = new ElfCoreFormat().open(storage);
        boolean physical = elf.memory().ranges().stream().anyMatch(r -> r.kind() == RangeKind.RAM);
        if (!physical) {
            storage.close();
            return new Attempt.Refused(new Refusal(LiveSourceKind.KCORE, "its program headers give no physical addresses "
                    + "(p_paddr is -1 in every PT_LOAD, as before Linux 4.11)"));
        }
        List<ElfNote> notes = new ArrayList<>(elf.notes());
        List<FormatField> fields = new ArrayList<>(elf.header());
        var vmcoreinfo = elf.vmcoreinfo();
        if (vmcoreinfo.isEmpty()) {
            SysfsVmcoreinfo fromSysfs = SysfsVmcoreinfo.read(machine.root(), elf.memory());
            fromSysfs.note().ifPresent(notes::add);
            vmcoreinfo = fromSysfs.info();
            fields.add(new FormatField(LiveHeader.SECTION, "VMCOREINFO", "no note in /proc/kcore (before Linux 4.19); " + fromSysfs.status()));
        }
        return new Attempt.Opened(new OpenedSource(LiveSourceKind.KCORE, storage.name(), storage, elf.memory(), notes,
                vmcoreinfo, Optional.of(elf.architecture()), fields));
    }
}
