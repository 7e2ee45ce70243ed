package dev.vmscope.app.cli;

import dev.vmscope.core.io.Space;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkResult;
import dev.vmscope.core.xlat.WalkStep;

import java.util.List;

/**
 * One {@code vtop --json} object. A walk that ends in machine space (a Xen host dump) puts its
 * result in {@code machine} and adds {@code tableMachine} to each step; {@code physical} is then null.
 */
final class TranslationJson {
    private TranslationJson() {
    }

    /**
     * @param space the space the walk's tables and result are in
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
                j.nul("physical").hex("machine", m.address());
            } else {
                j.hex("physical", m.address()).nul("machine");
            }
            j.number("pageSize", m.pageSize()).strings("permissions", m.permissions().words());
        } else {
            j.nul("physical").nul("machine").nul("pageSize");
        }
        j.startArray("steps");
        for (WalkStep s : t.steps()) {
            step(j, s, machine);
        }
        j.endArray();
        if (t.result() instanceof WalkResult.Fault f) {
            j.string("fault", f.reason()).string("faultDetail", f.detail());
        } else {
            j.nul("fault");
        }
        j.endObject();
    }

    private static void step(Json j, WalkStep s, boolean machine) {
        j.startObject()
                .string("level", s.level())
                .hex("table", s.table());
        if (machine) {
            j.hex("tableMachine", s.table());
        }
        j.number("index", s.index()).hex("entryAddress", s.entryAddress());
        if (s.entryRead()) {
            j.hex("entry", s.entry()).strings("flags", s.decoded().flags());
        } else {
            j.nul("entry").strings("flags", List.of());
        }
        j.endObject();
    }
}
