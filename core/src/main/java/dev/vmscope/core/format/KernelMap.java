package dev.vmscope.core.format;

import dev.vmscope.core.Hex;
import dev.vmscope.core.io.Memory;

import java.util.List;
import java.util.Objects;

/**
 * What a dump format itself says about translating the kernel's virtual addresses, for formats that keep
 * the kernel's page-table entries instead of a page-table root (FreeBSD minidumps). Plain data: the
 * session turns it into translation methods, so formats know no translation code.
 *
 * @param pagingMode the id of the paging mode whose entries the arrays hold ({@code x86_64-4level},
 *                   {@code x86-pae}, {@code arm-short}, {@code aarch64-4k-48}, ...)
 * @param regions    the first region that holds an address translates it
 * @param origin     where the map comes from, in words
 */
public record KernelMap(String pagingMode, List<Region> regions, String origin) {

    /** One range of the kernel's virtual space and how it translates. */
    public sealed interface Region permits EntryArray, Linear {
        String name();
    }

    /**
     * A flat array of page-table entries of one level of the paging mode, entry {@code i} for the virtual
     * addresses {@code start + i * span} on (span: what one entry of that level maps).
     *
     * @param level   the level whose entries these are (0 = the top level of the paging mode)
     * @param entries the memory that holds the array, from {@code offset} on
     */
    public record EntryArray(String name, long start, long count, int level, Memory entries, long offset) implements Region {
        public EntryArray {
            Objects.requireNonNull(name);
            Objects.requireNonNull(entries);
            if (count < 0 || level < 0) {
                throw new IllegalArgumentException(name + ": " + count + " entries of level " + level);
            }
        }
    }

    /**
     * {@code physical = va - start + physStart} for {@code start <= va <= last}.
     *
     * @param last the last address of the range, inclusive
     */
    public record Linear(String name, long start, long last, long physStart) implements Region {
        public Linear {
            Objects.requireNonNull(name);
            if (Long.compareUnsigned(last, start) < 0) {
                throw new IllegalArgumentException(name + ": " + Hex.of(start) + "-" + Hex.of(last));
            }
        }
    }

    public KernelMap {
        Objects.requireNonNull(pagingMode);
        regions = List.copyOf(regions);
        Objects.requireNonNull(origin);
    }
}
