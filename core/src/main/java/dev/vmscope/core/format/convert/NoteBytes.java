package dev.vmscope.core.format.convert;

import dev.vmscope.core.format.Dump;
import dev.vmscope.core.notes.ElfNote;
import dev.vmscope.core.notes.NoteTypes;
import dev.vmscope.core.notes.VmcoreInfo;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The PT_NOTE segment of a converted dump: every note of the source, in order, and a VMCOREINFO note
 * when the source had VMCOREINFO elsewhere (a kdump sub-header, a file given with {@code --vmcoreinfo}).
 * Each note is {@code namesz, descsz, type}, the name with its NUL, and the descriptor, both padded to
 * 4 bytes as the kernel writes them in ELF32 and ELF64 alike.
 */
final class NoteBytes {
    private NoteBytes() {
    }

    static byte[] of(Dump dump) {
        List<ElfNote> notes = new ArrayList<>(dump.notes());
        boolean hasInfo = notes.stream().anyMatch(n -> n.name().equals(NoteTypes.VMCOREINFO));
        if (!hasInfo && dump.vmcoreinfo().isPresent()) {
            notes.add(new ElfNote(NoteTypes.VMCOREINFO, 0, text(dump.vmcoreinfo().get()), 0));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ElfNote n : notes) {
            out.writeBytes(encode(n, dump.architecture().byteOrder()));
        }
        return out.toByteArray();
    }

    private static byte[] text(VmcoreInfo info) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : info.entries().entrySet()) {
            sb.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] encode(ElfNote n, ByteOrder order) {
        byte[] name = (n.name() + "\0").getBytes(StandardCharsets.ISO_8859_1);
        byte[] desc = n.descriptor();
        ByteBuffer b = ByteBuffer.allocate(12 + pad(name.length) + pad(desc.length)).order(order);
        b.putInt(name.length).putInt(desc.length).putInt((int) n.type());
        b.put(name).position(12 + pad(name.length));
        b.put(desc);
        return b.array();
    }

    private static int pad(int n) {
        return (n + 3) & ~3;
    }
}
