package dev.vmscope.core.xlat;

import dev.vmscope.core.io.Space;

/**
 * One level of a page-table walk, frozen.
 *
 * @param level        the level's name ({@code PML4}, {@code PD}, {@code L2}, ...)
 * @param table        the table's address in {@code tableSpace}
 * @param index        the index the virtual address selects
 * @param vaHighBit    the highest virtual-address bit forming the index
 * @param vaLowBit     the lowest virtual-address bit forming the index
 * @param entryAddress {@code table + index * entrySize}
 * @param entry        the raw entry
 * @param decoded      what the entry says; {@code null} when the entry could not be read
 */
public record WalkStep(String level, long table, Space tableSpace, int index, int vaHighBit, int vaLowBit,
                       long entryAddress, long entry, DecodedEntry decoded) {

    public boolean entryRead() {
        return decoded != null;
    }
}
