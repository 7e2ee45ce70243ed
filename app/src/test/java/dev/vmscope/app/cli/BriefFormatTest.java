package dev.vmscope.app.cli;

import dev.vmscope.core.Hex;
import dev.vmscope.core.xlat.BatchTranslator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bytes of brief lines: what {@link Hex#of} writes, for every number of digits. */
class BriefFormatTest {

    @Test
    void everyLengthOfDigitsIsWrittenAsHexOfWritesIt() {
        List<Long> values = new ArrayList<>(List.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, -2L));
        for (int bits = 1; bits < 64; bits++) {
            values.add(1L << bits);
            values.add((1L << bits) - 1);
            values.add(0xa5a5a5a5a5a5a5a5L >>> (64 - bits));
        }
        Random random = new Random(3);
        for (int i = 0; i < 10_000; i++) {
            values.add(random.nextLong() >>> random.nextInt(64));
        }
        byte[] out = new byte[BriefFormat.room(values.size())];
        StringBuilder expected = new StringBuilder();
        int at = 0;
        for (int i = 0; i < values.size(); i++) {
            long va = values.get(i);
            long pa = i % 5 == 0 ? BatchTranslator.UNMAPPED : values.get(values.size() - 1 - i);
            at = BriefFormat.line(out, at, va, pa);
            expected.append(Hex.of(va)).append(' ').append(pa == BatchTranslator.UNMAPPED ? "-" : Hex.of(pa)).append('\n');
        }
        assertEquals(expected.toString(), new String(out, 0, at, StandardCharsets.US_ASCII));
    }
}
