package dev.vmscope.core.notes;

import dev.vmscope.core.io.Bytes;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Xen's {@code crash_xen_info_t} note as raw machine words: major, minor, then the machine addresses of
 * the version strings, and in later versions {@code xen_phys_start} and the dom0 frame-list-list.
 * Its size tells the version: 8, 9 or 10 words.
 */
public record XenCrashInfo(List<Long> words) {
    public XenCrashInfo {
        words = List.copyOf(words);
    }

    public static XenCrashInfo decode(byte[] descriptor, int wordSize, ByteOrder order) {
        List<Long> w = new ArrayList<>();
        for (int at = 0; at + wordSize <= descriptor.length; at += wordSize) {
            w.add(Bytes.unsigned(descriptor, at, wordSize, order));
        }
        return new XenCrashInfo(w);
    }

    public long major() {
        return word(0);
    }

    public long minor() {
        return word(1);
    }

    /** {@code dom0_pfn_to_mfn_frame_list_list}, the last word, where the note has it (9 or 10 words). */
    public java.util.OptionalLong dom0FrameListList() {
        return words.size() >= 9 ? java.util.OptionalLong.of(word(words.size() - 1)) : java.util.OptionalLong.empty();
    }

    /** {@code xen_phys_start}, the second-to-last word of the 10-word note. */
    public java.util.OptionalLong xenPhysStart() {
        return words.size() >= 10 ? java.util.OptionalLong.of(word(words.size() - 2)) : java.util.OptionalLong.empty();
    }

    private long word(int i) {
        return i < words.size() ? words.get(i) : 0;
    }
}
