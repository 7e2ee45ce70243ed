package dev.vmscope.core.notes;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One field of a flags or control register as the architecture manual names it: a single bit ({@code ZF}),
 * a number ({@code IOPL}), or an encoding whose values have names ({@code M[4:0]}: {@code svc}, {@code EL1h}).
 * A field may be split over several bit ranges (the ARM IT state), most significant part first.
 *
 * @param parts   the bit ranges, most significant part first; their bits are concatenated
 * @param meaning one line for tooltips and teaching
 * @param values  names of the field's values (empty for single bits and plain numbers)
 * @param radix   how a number is written: {@code IOPL=3}, {@code GE=0b1010}, {@code IT=0x1c}
 */
public record FlagField(String name, List<Bits> parts, String meaning, Map<Long, String> values, Radix radix) {

    /** How a multi-bit number is written. */
    public enum Radix {
        DECIMAL, BINARY, HEX
    }

    /** Bits {@code high..low} of the register, inclusive. */
    public record Bits(int high, int low) {
        public Bits {
            if (low < 0 || high > 63 || high < low) {
                throw new IllegalArgumentException("bits " + high + ":" + low);
            }
        }

        int width() {
            return high - low + 1;
        }

        long mask() {
            return (width() == 64 ? -1L : (1L << width()) - 1) << low;
        }
    }

    public FlagField {
        Objects.requireNonNull(name);
        parts = List.copyOf(parts);
        values = Map.copyOf(values);
        Objects.requireNonNull(radix);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException(name + ": no bits");
        }
    }

    /** A single bit. */
    static FlagField bit(int bit, String name, String meaning) {
        return new FlagField(name, List.of(new Bits(bit, bit)), meaning, Map.of(), Radix.DECIMAL);
    }

    /** A number in bits {@code high..low}. */
    static FlagField number(int high, int low, String name, String meaning, Radix radix) {
        return new FlagField(name, List.of(new Bits(high, low)), meaning, Map.of(), radix);
    }

    /** An encoding in bits {@code high..low} whose values have names. */
    static FlagField named(int high, int low, String name, String meaning, Map<Long, String> values) {
        return new FlagField(name, List.of(new Bits(high, low)), meaning, values, Radix.BINARY);
    }

    /** The field's value written for output: binary with the field's width, hexadecimal or decimal. */
    public String format(long value) {
        return switch (radix) {
            case DECIMAL -> Long.toString(value);
            case HEX -> "0x" + Long.toHexString(value);
            case BINARY -> {
                String bits = Long.toBinaryString(value);
                yield "0b" + "0".repeat(Math.max(0, width() - bits.length())) + bits;
            }
        };
    }

    public boolean singleBit() {
        return parts.size() == 1 && parts.getFirst().width() == 1;
    }

    public int width() {
        return parts.stream().mapToInt(Bits::width).sum();
    }

    /** The register bits this field covers. */
    public long mask() {
        long m = 0;
        for (Bits b : parts) {
            m |= b.mask();
        }
        return m;
    }

    /** The field's value in {@code register}, its parts concatenated. */
    public long valueIn(long register) {
        long v = 0;
        for (Bits b : parts) {
            v = (v << b.width()) | ((register & b.mask()) >>> b.low());
        }
        return v;
    }

    /** Where the field sits, as the manuals write it: {@code bit 9}, {@code bits 13:12}, {@code bits 15:10,26:25}. */
    public String position() {
        if (singleBit()) {
            return "bit " + parts.getFirst().low();
        }
        return "bits " + String.join(",", parts.stream().map(b -> b.high() + ":" + b.low()).toList());
    }
}
