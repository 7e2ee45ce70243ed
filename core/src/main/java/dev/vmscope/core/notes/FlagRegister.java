package dev.vmscope.core.notes;

import java.util.ArrayList;
import java.util.List;

/**
 * A flags or control register as a table of named fields, decoded bit by bit. The words it produces are
 * the manual's: the names of the set single bits ({@code ZF IF}), {@code NAME=value} for numbers that are
 * not zero ({@code IOPL=3}), and the name of an encoding's value ({@code EL1h}, {@code svc}).
 *
 * @param register   the register's name in output ({@code rflags}, {@code cr4}, {@code pstate}, ...)
 * @param fields     the fields from the lowest bit up
 * @param fixedOnes  bits the architecture defines as always one (RFLAGS bit 1), which are not news
 * @param source     where the fields are defined, e.g. "Intel SDM vol. 1, 3.4.3"
 */
public record FlagRegister(String register, List<FlagField> fields, long fixedOnes, String source) {

    /**
     * One field's value in one register value.
     *
     * @param text the field's word for this value: its name when a single bit is set, {@code NAME=value}
     *             for a number, the value's name for an encoding, {@code null}-free: empty when there is
     *             nothing to say (a clear bit, a zero number)
     */
    public record Value(FlagField field, long value, String text) {
        public boolean shown() {
            return !text.isEmpty();
        }
    }

    public FlagRegister {
        fields = List.copyOf(fields);
        long seen = 0;
        for (FlagField f : fields) {
            if ((seen & f.mask()) != 0) {
                throw new IllegalArgumentException(register + ": field " + f.name() + " overlaps another");
            }
            seen |= f.mask();
        }
    }

    /** Every field's value, in field order. */
    public List<Value> decode(long value) {
        List<Value> out = new ArrayList<>(fields.size());
        for (FlagField f : fields) {
            long v = f.valueIn(value);
            out.add(new Value(f, v, text(f, v)));
        }
        return out;
    }

    /**
     * The register's value in words, from the lowest bit up: set bits, non-zero numbers, named encodings,
     * then {@code bitN} for each set bit no field describes (reserved, or newer than this table).
     */
    public List<String> words(long value) {
        List<String> out = new ArrayList<>();
        for (Value v : decode(value)) {
            if (v.shown()) {
                out.add(v.text());
            }
        }
        long unknown = value & ~described() & ~fixedOnes;
        while (unknown != 0) {
            int bit = Long.numberOfTrailingZeros(unknown);
            out.add("bit" + bit);
            unknown &= unknown - 1;
        }
        return out;
    }

    /** The field named {@code name}, case-sensitively as in the manual. */
    public java.util.Optional<FlagField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    private long described() {
        long m = 0;
        for (FlagField f : fields) {
            m |= f.mask();
        }
        return m;
    }

    private static String text(FlagField f, long v) {
        if (!f.values().isEmpty()) {
            String name = f.values().get(v);
            return name != null ? name : f.name() + "=" + f.format(v);
        }
        if (f.singleBit()) {
            return v != 0 ? f.name() : "";
        }
        return v != 0 ? f.name() + "=" + f.format(v) : "";
    }
}
