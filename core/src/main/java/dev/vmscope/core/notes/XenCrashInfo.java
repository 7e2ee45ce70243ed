package dev.vmscope.core.notes;

import dev.vmscope.core.DumpFormatException;
import dev.vmscope.core.Hex;
import dev.vmscope.core.io.Bytes;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Xen's {@code crash_xen_info_t} note ({@code Xen}/{@code XEN_ELFNOTE_CRASH_INFO}) as machine words:
 * major, minor, then the machine addresses of the extra-version, changeset, compiler, compile-date and
 * compile-time strings, and {@code tainted}. The note grew twice, and its size tells which layout it
 * is: 8 words (v0), 9 words (v1: + {@code dom0_pfn_to_mfn_frame_list_list}) or 10 words (v2:
 * {@code xen_phys_start} inserted before the frame-list-list).
 */
public record XenCrashInfo(List<Long> words) {
    /** Word indexes of the string pointers, in note order. */
    public static final List<String> STRING_FIELDS = List.of(
            "xen_extra_version", "xen_changeset", "xen_compiler", "xen_compile_date", "xen_compile_time");
    private static final int FIRST_STRING = 2;

    public XenCrashInfo {
        words = List.copyOf(words);
    }

    /** Splits a descriptor into words without checking its size (see {@link #parse} for a checked decode). */
    public static XenCrashInfo decode(byte[] descriptor, int wordSize, ByteOrder order) {
        List<Long> w = new ArrayList<>();
        for (int at = 0; at + wordSize <= descriptor.length; at += wordSize) {
            w.add(Bytes.unsigned(descriptor, at, wordSize, order));
        }
        return new XenCrashInfo(w);
    }

    /**
     * Decodes the note, which must hold 8, 9 or 10 words of {@code wordSize} bytes.
     *
     * @throws DumpFormatException naming the note's place when its size is none of those
     */
    public static XenCrashInfo parse(ElfNote note, int wordSize, ByteOrder order, String file) {
        int size = note.size();
        if (size % wordSize != 0 || size / wordSize < 8 || size / wordSize > 10) {
            throw new DumpFormatException(file, note.fileOffset(), "Xen note XEN_ELFNOTE_CRASH_INFO (crash_xen_info_t): n_descsz",
                    "8, 9 or 10 words of " + wordSize + " bytes (" + 8 * wordSize + ", " + 9 * wordSize + " or "
                            + 10 * wordSize + " bytes), found " + size + " bytes");
        }
        return decode(note.descriptor(), wordSize, order);
    }

    /** 0, 1 or 2: the layout the size tells. */
    public int version() {
        return words.size() - 8;
    }

    public long major() {
        return word(0);
    }

    public long minor() {
        return word(1);
    }

    /** The machine address of the string named by one of {@link #STRING_FIELDS}. */
    public long stringAddress(String field) {
        int i = STRING_FIELDS.indexOf(field);
        if (i < 0) {
            throw new IllegalArgumentException("not a string field of crash_xen_info_t: " + field);
        }
        return word(FIRST_STRING + i);
    }

    public long tainted() {
        return word(7);
    }

    /** {@code dom0_pfn_to_mfn_frame_list_list}, the last word, where the note has it (9 or 10 words). */
    public OptionalLong dom0FrameListList() {
        return words.size() >= 9 ? OptionalLong.of(word(words.size() - 1)) : OptionalLong.empty();
    }

    /** {@code xen_phys_start}, the second-to-last word of the 10-word note. */
    public OptionalLong xenPhysStart() {
        return words.size() >= 10 ? OptionalLong.of(word(words.size() - 2)) : OptionalLong.empty();
    }

    private long word(int i) {
        return i < words.size() ? words.get(i) : 0;
    }

    @Override
    public String toString() {
        return "crash_xen_info v" + version() + " " + major() + "." + minor()
                + dom0FrameListList().stream().mapToObj(v -> " frame-list-list " + Hex.of(v)).findFirst().orElse("");
    }
}
