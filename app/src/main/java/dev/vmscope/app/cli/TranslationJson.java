package dev.vmscope.app.cli;

import dev.vmscope.core.io.Address;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkResult;
import dev.vmscope.core.xlat.WalkStep;

import java.util.List;
import java.util.Optional;

/**
 * One {@code vtop --json} object. Each step says the space of its table ({@code tableSpace}): physical,
 * machine for a Xen PV kernel's tables (then {@code tableMachine} is the machine address and {@code table}
 * the pseudo-physical one, null where dom0's p2m has no pfn for the frame), or the dump file for the
 * entry arrays a format keeps (FreeBSD minidumps). A walk that ends in machine space puts its result in
 * {@code machine} and the pseudo-physical address in {@code physical}.
 */
final class TranslationJson {
    private TranslationJson() {
    }

    /**
     * @param space the space the walk's result is in
     */
    static void write(Json j, Translation t, Space space) {
        boolean machine = space == Space.MACHINE;
        j.startObject()
                .hex("address", t.virtualAddress())
                .hex("root", t.root())
                .string("pagingMode", t.mode().id())
                .bool("mapped", t.mapped());
        if (t.result() instanceof WalkResult.Mapped m) {
            if (machine) {
                j.hex("physical", value(t.pseudoPhysical())).hex("machine", m.address());
            } else {
                j.hex("physical", m.address()).nul("machine");
            }
            j.number("pageSize", m.pageSize()).strings("permissions", m.permissions().words());
        } else {
            j.nul("physical").nul("machine").nul("pageSize");
        }
        j.startArray("steps");
        for (WalkStep s : t.steps()) {
            step(j, s);
        }
        j.endArray();
        if (t.result() instanceof WalkResult.Fault f) {
            j.string("fault", f.reason()).string("faultDetail", f.detail());
        } else {
            j.nul("fault");
        }
        j.endObject();
    }

    private static void step(Json j, WalkStep s) {
        j.startObject().string("level", s.level());
        if (s.tableSpace() == Space.MACHINE) {
            j.hex("table", value(s.tablePseudoPhysical())).hex("tableMachine", s.table());
        } else {
            j.hex("table", s.table());
        }
        j.string("tableSpace", s.tableSpace().id());
        j.number("index", s.index()).hex("entryAddress", s.entryAddress());
        if (s.entryRead()) {
            j.hex("entry", s.entry()).strings("flags", s.decoded().flags());
        } else {
            j.nul("entry").strings("flags", List.of());
        }
        j.endObject();
    }

    private static java.util.OptionalLong value(Optional<Address> a) {
        return a.isPresent() ? java.util.OptionalLong.of(a.get().value()) : java.util.OptionalLong.empty();
    }
}
