package dev.vmscope.core.format.xccore;

import dev.vmscope.core.xen.ElfWriter;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds {@code xl dump-core} files as {@code docs/misc/dump-core-format.txt} and {@code xg_core.h}
 * describe them: four {@code Xen} notes (none, header, xen_version, format_version), the vCPU contexts in
 * slots of {@code sizeof(vcpu_guest_context_any_t)}, a shared-info page, the pages, and the pfn/gmfn
 * pairs (PV) or pfns (HVM). Fields can be spoiled and sections left out or replaced, for the corrupt cases.
 */
final class XcCoreBuilder {
    static final int CONTEXT_SLOT = 5168;

    boolean hvm;
    int guestWidth = 8;
    long magic = -1;
    long formatVersion = 1;
    boolean headerNote = true;
    long pagesOverride = -1;
    /** {pfn, gmfn} rows (PV) or {pfn} rows (HVM), in file order, one page each. */
    final List<long[]> rows = new ArrayList<>();
    final List<byte[]> pages = new ArrayList<>();
    final List<byte[]> contexts = new ArrayList<>();
    final Set<String> omit = new HashSet<>();
    final Map<String, byte[]> replace = new HashMap<>();

    XcCoreBuilder page(byte[] contents, long... row) {
        rows.add(row);
        pages.add(java.util.Arrays.copyOf(contents, 4096));
        return this;
    }

    /** A vCPU context with the given values at the given offsets (width by the guest). */
    XcCoreBuilder context(Map<Integer, Long> values) {
        ByteBuffer b = ByteBuffer.allocate(CONTEXT_SLOT).order(ByteOrder.LITTLE_ENDIAN);
        values.forEach((at, v) -> {
            if (guestWidth == 8) {
                b.putLong(at, v);
            } else {
                b.putInt(at, (int) (long) v);
            }
        });
        contexts.add(b.array());
        return this;
    }

    /** The ASCII of a register's name as the little-endian value that holds it. */
    static long named(String name) {
        byte[] b = java.util.Arrays.copyOf(name.getBytes(StandardCharsets.ISO_8859_1), 8);
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    byte[] build() {
        Map<String, byte[]> sections = new LinkedHashMap<>();
        sections.put(".note.Xen", ElfWriter.notes(notes()));
        sections.put(".xen_prstatus", concat(contexts));
        sections.put(".xen_shared_info", new byte[4096]);
        sections.put(".xen_pages", concat(pages));
        ByteBuffer table = ByteBuffer.allocate(rows.size() * (hvm ? 8 : 16)).order(ByteOrder.LITTLE_ENDIAN);
        rows.forEach(r -> {
            for (long v : r) {
                table.putLong(v);
            }
        });
        sections.put(hvm ? ".xen_pfn" : ".xen_p2m", table.array());
        sections.putAll(replace);
        List<ElfWriter.Section> out = new ArrayList<>();
        sections.forEach((name, bytes) -> {
            if (!omit.contains(name)) {
                out.add(new ElfWriter.Section(name, name.equals(".note.Xen") ? ElfWriter.SHT_NOTE : ElfWriter.SHT_PROGBITS, bytes));
            }
        });
        return ElfWriter.sections(out);
    }

    private List<ElfWriter.Note> notes() {
        List<ElfWriter.Note> n = new ArrayList<>();
        n.add(new ElfWriter.Note("Xen", 0x2000000, new byte[0]));
        long m = magic != -1 ? magic : hvm ? 0xF00FEBEEL : 0xF00FEBEDL;
        if (headerNote) {
            n.add(new ElfWriter.Note("Xen", 0x2000001, ElfWriter.words(m, contexts.size(), pagesOverride >= 0 ? pagesOverride : rows.size(), 4096)));
        }
        ByteBuffer v = ByteBuffer.allocate(1280).order(ByteOrder.LITTLE_ENDIAN);
        v.putLong(0, 4).putLong(8, 17).put(16, ".7".getBytes(StandardCharsets.ISO_8859_1))
                .put(176, "xen-3.0-x86_64 hvm-3.0-x86_32".getBytes(StandardCharsets.ISO_8859_1));
        v.putLong(guestWidth == 8 ? 1272 : 1268, 4096);
        n.add(new ElfWriter.Note("Xen", 0x2000002, v.array()));
        n.add(new ElfWriter.Note("Xen", 0x2000003, ElfWriter.words(formatVersion)));
        return n;
    }

    private static byte[] concat(List<byte[]> parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
