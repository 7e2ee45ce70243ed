package dev.vmscope.core.xlat;

import dev.vmscope.core.testing.tables.TableText;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.vmscope.core.testing.tables.Walks.result;
import static dev.vmscope.core.testing.tables.Walks.walk;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An entry that is neither a mapping nor marked not present (an ARM descriptor type a level reserves, an
 * encoding vmscope does not walk) ends the walk with the entry format's own kind and reason, not with
 * "not present", so that a reader sees a reserved encoding for what it is.
 */
class UnusableEntryWalkTest {
    /** One level of 4-byte entries: 0 is not present, 1 maps a page, anything else is reserved. */
    private static final EntryFormat ONE_LEVEL = new EntryFormat() {
        @Override
        public DecodedEntry decode(long raw, int level, PagingForm form) {
            if (raw == 0) {
                return DecodedEntry.notPresent(List.of());
            }
            if (raw == 1) {
                return new DecodedEntry(true, true, 0x5000, List.of("present"), true, true, false);
            }
            return DecodedEntry.unusable(List.of("odd"), FaultKind.CORRUPT, "is reserved (value " + raw + ")");
        }

        @Override
        public long rootTable(long rootRegister) {
            return rootRegister;
        }

        @Override
        public boolean isValidAddress(long va, PagingForm form) {
            return (va >>> form.vaBits()) == 0;
        }
    };
    private static final PagingMode MODE = new PagingMode("test", PagingForm.of("test", 4, new int[] {12, 2}, "T"), ONE_LEVEL);

    @Test
    void reservedEntryFaultsWithTheFormatsKindAndReason() {
        var memory = TableText.parse(4, "0x1000: 0x0\n0x1004: 0x1\n0x1008: 0x7");
        assertEquals("NOT_PRESENT at T: T entry not present (T[0] = 0x0)", result(walk(memory, MODE, 0x1000, 0x0000)));
        assertEquals("0x5000 0x1000 rw user x", result(walk(memory, MODE, 0x1000, 0x1000)));
        assertEquals("CORRUPT at T: T entry is reserved (value 7) (T[2] = 0x7)", result(walk(memory, MODE, 0x1000, 0x2000)));
    }
}
