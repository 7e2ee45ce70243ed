package dev.vmscope.app.cli;

import dev.vmscope.core.Hex;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.kernel.KernelFacts;
import dev.vmscope.core.notes.ElfNote;
import dev.vmscope.core.notes.VmcoreInfo;
import dev.vmscope.core.xen.P2mMap;
import dev.vmscope.core.xen.XenString;

/** {@code info --json}: the schema of the command-line contract, plus a few added fields. */
final class InfoJson {
    private InfoJson() {
    }

    static void write(DumpSummary s, Json j) {
        j.startObject()
                .string("source", s.dump().source())
                .string("format", s.dump().format())
                .string("compression", s.dump().compression())
                .string("architecture", s.dump().architecture().id())
                .string("pagingMode", s.pagingMode().orElse(null));
        j.number("pageSize", s.pageSize());
        j.number("cpus", s.dump().cpuCount())
                .string("kernelRelease", s.kernelRelease().orElse(null))
                .string("memorySpace", s.dump().memory().space().id());
        j.startArray("physicalRanges");
        for (MemoryRange r : s.memory()) {
            j.startObject().hex("start", r.start()).hex("end", r.end()).string("kind", r.kind().id()).endObject();
        }
        j.endArray();
        j.startArray("notes");
        for (ElfNote n : s.dump().notes()) {
            j.startObject().string("name", n.name()).number("type", n.type()).number("size", n.size())
                    .string("typeName", n.typeName()).hex("offset", n.fileOffset()).endObject();
        }
        j.endArray();
        j.stringMap("vmcoreinfo", s.dump().vmcoreinfo().map(VmcoreInfo::entries).orElse(null));
        j.string("kernelPageTable", s.kernel().map(k -> Hex.of(k.pageTableRoot())).orElse(null))
                .string("kernelPageTableOrigin", s.kernel().map(KernelFacts::rootOrigin).orElse(null))
                .string("kernelProblem", s.kernelProblem().orElse(null));
        j.hex("kaslrOffset", s.kaslrOffset());
        j.hex("physBase", s.physBase());
        j.number("physBaseSigned", s.physBase());
        if (s.xen().isEmpty()) {
            j.nul("xen");
        } else {
            xen(s.xen().get(), j);
        }
        j.endObject();
    }

    private static void xen(XenSummary x, Json j) {
        j.startObject("xen")
                .string("version", x.facts().version().orElse(null))
                .string("fullVersion", x.facts().fullVersion().orElse(null))
                .string("extraVersion", x.facts().string("xen_extra_version").flatMap(XenString::text).orElse(null))
                .hex("physStart", x.physStart())
                .hex("p2mFrameListList", x.facts().frameListList())
                .number("maxPfn", x.maxPfn())
                .string("p2mLayout", x.p2m().map(P2mMap::layout).orElse(null))
                .string("dom0", x.dom0().explanation())
                .string("dom0Vmcoreinfo", x.dom0VmcoreinfoOrigin())
                .stringMap("strings", x.strings())
                .strings("notesFound", x.facts().notesFound())
                .stringMap("vmcoreinfo", x.facts().vmcoreinfoXen().map(VmcoreInfo::entries).orElse(null))
                .endObject();
    }
}
