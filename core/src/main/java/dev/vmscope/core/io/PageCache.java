package dev.vmscope.core.io;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * A small least-recently-used cache of decoded pages, keyed by page frame number. Page-table walks
 * and hex views touch the same few pages again and again; decoding them once is enough.
 */
public final class PageCache {
    private final Map<Long, byte[]> pages;

    public PageCache(int capacity) {
        this.pages = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The page for {@code pfn}, loading it with {@code loader} on a miss. Callers must not modify the array. */
    public byte[] get(long pfn, LongFunction<byte[]> loader) {
        synchronized (pages) {
            byte[] page = pages.get(pfn);
            if (page != null) {
                return page;
            }
        }
        byte[] loaded = loader.apply(pfn);
        synchronized (pages) {
            pages.put(pfn, loaded);
        }
        return loaded;
    }
}
