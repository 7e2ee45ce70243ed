package dev.vmscope.core.notes;

import dev.vmscope.core.io.Bytes;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** A note layout as data: the registers it holds and where. The registers pane is generated from these. */
public record RegisterTable(String name, List<RegisterDef> registers) {
    public RegisterTable {
        registers = List.copyOf(registers);
    }

    /** Bytes a descriptor needs to hold every register of this table. */
    public int requiredSize() {
        return registers.stream().mapToInt(r -> r.offset() + r.width()).max().orElse(0);
    }

    /** Decodes every register that fits in the descriptor (newer producers append, older ones are shorter). */
    public List<Register> decode(byte[] descriptor, ByteOrder order) {
        List<Register> out = new ArrayList<>(registers.size());
        for (RegisterDef d : registers) {
            if (d.offset() + d.width() <= descriptor.length) {
                out.add(new Register(d.name(), Bytes.unsigned(descriptor, d.offset(), d.width(), order), d.width(), d.group()));
            }
        }
        return out;
    }

    /** Builds a table of consecutive registers of one width starting at {@code offset}. */
    static List<RegisterDef> consecutive(int offset, int width, Object... namesAndGroups) {
        List<RegisterDef> defs = new ArrayList<>();
        int at = offset;
        RegisterGroup group = RegisterGroup.GENERAL;
        for (Object o : namesAndGroups) {
            if (o instanceof RegisterGroup g) {
                group = g;
            } else {
                defs.add(new RegisterDef((String) o, at, width, group));
                at += width;
            }
        }
        return defs;
    }
}
