package dev.vmscope.core.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One note of a {@link DumpSpec}, encoded by {@link ElfCoreWriter} into the PT_NOTE segment. */
public sealed interface NoteSpec {

    /**
     * {@code CORE}/{@code NT_PRSTATUS} of one CPU, laid out for the dump's machine; {@code fields} holds
     * registers and {@code pid}, {@code ppid}, ...; every register not named reads as the ASCII of its name.
     */
    record Prstatus(Map<String, Long> fields) implements NoteSpec {
        public Prstatus {
            fields = Map.copyOf(new LinkedHashMap<>(fields));
        }
    }

    /**
     * {@code QEMU}/0, QEMU's {@code QEMUCPUState}; {@code fields} holds registers and {@code version},
     * {@code size}; the descriptor is {@code length} bytes (shorter for older QEMU, longer for newer).
     */
    record QemuCpuState(Map<String, Long> fields, int length) implements NoteSpec {
        public QemuCpuState {
            fields = Map.copyOf(new LinkedHashMap<>(fields));
            if (length < 0) {
                throw new IllegalArgumentException("negative QEMU note length");
            }
        }
    }

    /** {@code VMCOREINFO}/0: the kernel's {@code KEY=VALUE} text. */
    record VmcoreInfoText(String text) implements NoteSpec {
        public VmcoreInfoText {
            Objects.requireNonNull(text);
        }
    }

    /** Any other note, given as owner name, type and descriptor bytes. */
    record Raw(String name, long type, byte[] descriptor) implements NoteSpec {
        public Raw {
            Objects.requireNonNull(name);
            descriptor = descriptor.clone();
        }

        @Override
        public byte[] descriptor() {
            return descriptor.clone();
        }
    }
}
