package dev.vmscope.app.cli;

import dev.vmscope.core.MemoryAccessException;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.notes.NoteTypes;
import dev.vmscope.core.notes.VmcoreInfo;
import dev.vmscope.core.notes.XenCrashInfo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a Xen host dump's notes say about the hypervisor: the version from {@code crash_xen_info}'s
 * major and minor words (and the extra-version string it points to, when the dump holds it),
 * {@code xen_phys_start}, dom0's p2m frame-list-list, and the {@code VMCOREINFO_XEN} text.
 *
 * @param version          {@code "4.17"}, or null without a crash-info note
 * @param extraVersion     the string at {@code xen_extra_version}, e.g. {@code ".7"}, or null
 * @param vmcoreinfo       the {@code VMCOREINFO_XEN} lines, or null when the dump has none
 */
record XenFacts(String version, String extraVersion, OptionalLong physStart, OptionalLong p2mFrameListList,
                Map<String, String> vmcoreinfo) {
    /** A version string is short; stop reading well before a page. */
    private static final int MAX_STRING = 64;

    /** The facts of a dump that carries Xen notes; empty for any other dump. */
    static Optional<XenFacts> of(Dump dump) {
        boolean xen = dump.notes().stream()
                .anyMatch(n -> n.name().equals(NoteTypes.XEN) || n.name().equals(NoteTypes.VMCOREINFO_XEN));
        if (!xen) {
            return Optional.empty();
        }
        Optional<XenCrashInfo> info = dump.notes().stream()
                .filter(n -> n.is(NoteTypes.XEN, NoteTypes.XEN_ELFNOTE_CRASH_INFO))
                .findFirst()
                .map(n -> XenCrashInfo.decode(n.descriptor(), dump.architecture().pointerSize(),
                        dump.architecture().byteOrder()));
        Map<String, String> vmcoreinfo = dump.notes().stream()
                .filter(n -> n.name().equals(NoteTypes.VMCOREINFO_XEN))
                .findFirst()
                .map(n -> VmcoreInfo.parse(n.descriptor(), "VMCOREINFO_XEN note").entries())
                .orElse(null);
        return Optional.of(new XenFacts(
                info.map(i -> i.major() + "." + i.minor()).orElse(null),
                info.flatMap(i -> extraVersion(dump, i)).orElse(null),
                info.map(XenCrashInfo::xenPhysStart).orElse(OptionalLong.empty()),
                info.map(XenCrashInfo::dom0FrameListList).orElse(OptionalLong.empty()),
                vmcoreinfo));
    }

    /** Word 2 of {@code crash_xen_info} is the machine address of the extra-version string. */
    private static Optional<String> extraVersion(Dump dump, XenCrashInfo info) {
        if (info.words().size() < 3 || dump.memory().space() != Space.MACHINE) {
            return Optional.empty();
        }
        long at = info.words().get(2);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try {
            for (int i = 0; i < MAX_STRING; i++) {
                int b = dump.memory().read(at + i, 1)[0] & 0xff;
                if (b == 0) {
                    return Optional.of(text.toString(StandardCharsets.ISO_8859_1));
                }
                if (b < 0x20 || b > 0x7e) {
                    return Optional.empty();
                }
                text.write(b);
            }
        } catch (MemoryAccessException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
