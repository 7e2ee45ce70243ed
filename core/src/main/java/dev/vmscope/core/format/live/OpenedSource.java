package dev.vmscope.core.format.live;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.format.FormatField;
import dev.vmscope.core.io.Memory;
import dev.vmscope.core.io.Storage;
import dev.vmscope.core.notes.ElfNote;
import dev.vmscope.core.notes.VmcoreInfo;

import java.util.List;
import java.util.Optional;

/**
 * A live source that opened: its physical memory, the notes and VMCOREINFO it gives, and the header
 * fields particular to it.
 *
 * @param name    the file's name in messages
 * @param storage what closing the source closes
 */
record OpenedSource(LiveSourceKind kind, String name, Storage storage, Memory memory, List<ElfNote> notes,
                    Optional<VmcoreInfo> vmcoreinfo, Optional<Architecture> architecture, List<FormatField> fields) {
    OpenedSource {
        notes = List.copyOf(notes);
        fields = List.copyOf(fields);
    }
}
