package dev.vmscope.app.reader;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Hex;
import dev.vmscope.core.format.FormatField;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.RangeKind;
import dev.vmscope.core.notes.ElfNote;
import dev.vmscope.core.notes.VmcoreInfo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes and reads the reader's announcement (see {@link ReaderProtocol}), checking every count and range. */
final class AnnouncementCodec {
    private AnnouncementCodec() {
    }

    /** What the reader said first: it serves, or it could not open the source and says why. */
    sealed interface Hello {
        record Ready(Announcement announcement) implements Hello {
        }

        record Refused(String message) implements Hello {
        }
    }

    static void writeReady(WireOutput out, Announcement a) throws IOException {
        out.raw(ReaderProtocol.MAGIC).u8(ReaderProtocol.READY)
                .string(a.source()).string(a.format()).string(a.architecture().id()).i32(a.maxRead());
        out.i32(a.ranges().size());
        for (MemoryRange r : a.ranges()) {
            out.i64(r.start()).i64(r.end());
        }
        out.i32(a.notes().size());
        for (ElfNote n : a.notes()) {
            out.string(n.name()).i64(n.type()).i64(n.fileOffset()).bytes(n.descriptor());
        }
        out.u8(a.vmcoreinfo().isPresent() ? 1 : 0);
        if (a.vmcoreinfo().isPresent()) {
            VmcoreInfo info = a.vmcoreinfo().get();
            out.string(info.origin()).i32(info.entries().size());
            for (Map.Entry<String, String> e : info.entries().entrySet()) {
                out.string(e.getKey()).string(e.getValue());
            }
        }
        out.i32(a.header().size());
        for (FormatField f : a.header()) {
            out.string(f.section()).string(f.name()).string(f.value());
        }
        out.flush();
    }

    static void writeRefused(WireOutput out, String message) throws IOException {
        out.raw(ReaderProtocol.MAGIC).u8(ReaderProtocol.REFUSED).string(message);
        out.flush();
    }

    /** @param name the reader's name, for messages */
    static Hello read(WireInput in, String name) throws IOException {
        byte[] magic = in.exactly(ReaderProtocol.MAGIC.length, "the announcement's magic");
        if (!Arrays.equals(magic, ReaderProtocol.MAGIC)) {
            throw new DumpFormatException(name, 0, "reader announcement: magic",
                    "\"VMSCOPE\" and protocol version 1, found " + Hex.bytes(magic));
        }
        long at = in.position();
        int status = in.u8("status");
        if (status == ReaderProtocol.REFUSED) {
            return new Hello.Refused(in.string("refusal", ReaderProtocol.MAX_MESSAGE));
        }
        if (status != ReaderProtocol.READY) {
            throw new DumpFormatException(name, at, "reader announcement: status", "0 (ready) or 1 (refused), found " + status);
        }
        String source = in.string("source", ReaderProtocol.MAX_STRING);
        String format = in.string("format", ReaderProtocol.MAX_STRING);
        long archAt = in.position();
        String archId = in.string("architecture", ReaderProtocol.MAX_STRING);
        Architecture arch = Arrays.stream(Architecture.values()).filter(a -> a.id().equals(archId)).findFirst()
                .orElseThrow(() -> new DumpFormatException(name, archAt, "reader announcement: architecture",
                        "a known architecture, found " + archId));
        at = in.position();
        int maxRead = in.i32("max read");
        if (maxRead <= 0 || maxRead > ReaderProtocol.MAX_READ) {
            throw new DumpFormatException(name, at, "reader announcement: max read", "1 to " + ReaderProtocol.MAX_READ + ", found " + maxRead);
        }
        return new Hello.Ready(new Announcement(source, format, arch, maxRead, ranges(in, name), notes(in),
                vmcoreinfo(in), header(in)));
    }

    private static List<MemoryRange> ranges(WireInput in, String name) throws IOException {
        int n = in.count("range count", ReaderProtocol.MAX_ITEMS);
        List<MemoryRange> out = new ArrayList<>(n);
        long previousEnd = 0;
        for (int i = 0; i < n; i++) {
            long at = in.position();
            long start = in.i64("range start");
            long end = in.i64("range end");
            if (Long.compareUnsigned(end, start) <= 0 || (i > 0 && Long.compareUnsigned(start, previousEnd) < 0)) {
                throw new DumpFormatException(name, at, "reader announcement: range " + i,
                        "sorted, disjoint, non-empty ranges, found " + Hex.of(start) + "-" + Hex.of(end));
            }
            out.add(new MemoryRange(start, end, RangeKind.RAM));
            previousEnd = end;
        }
        return out;
    }

    private static List<ElfNote> notes(WireInput in) throws IOException {
        int n = in.count("note count", ReaderProtocol.MAX_ITEMS);
        List<ElfNote> out = new ArrayList<>(Math.min(n, 64));
        for (int i = 0; i < n; i++) {
            String owner = in.string("note name", ReaderProtocol.MAX_STRING);
            long type = in.i64("note type");
            long offset = in.i64("note offset");
            out.add(new ElfNote(owner, type, in.bytes("note descriptor", ReaderProtocol.MAX_DESCRIPTOR), offset));
        }
        return out;
    }

    private static Optional<VmcoreInfo> vmcoreinfo(WireInput in) throws IOException {
        if (in.u8("VMCOREINFO flag") == 0) {
            return Optional.empty();
        }
        String origin = in.string("VMCOREINFO origin", ReaderProtocol.MAX_STRING);
        int n = in.count("VMCOREINFO line count", ReaderProtocol.MAX_ITEMS);
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            entries.put(in.string("VMCOREINFO key", ReaderProtocol.MAX_STRING), in.string("VMCOREINFO value", ReaderProtocol.MAX_STRING));
        }
        return Optional.of(new VmcoreInfo(entries, origin));
    }

    private static List<FormatField> header(WireInput in) throws IOException {
        int n = in.count("header field count", ReaderProtocol.MAX_ITEMS);
        List<FormatField> out = new ArrayList<>(Math.min(n, 256));
        for (int i = 0; i < n; i++) {
            out.add(new FormatField(in.string("field section", ReaderProtocol.MAX_STRING),
                    in.string("field name", ReaderProtocol.MAX_STRING), in.string("field value", ReaderProtocol.MAX_STRING)));
        }
        return out;
    }
}
