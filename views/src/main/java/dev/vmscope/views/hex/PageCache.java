package dev.vmscope.views.hex;

import dev.vmscope.core.io.Space;

import java.util.LinkedHashMap;
import java.util.Map;

/** The pages read most recently, so that scrolling back and forth does not read them again. Thread-safe. */
final class PageCache {
    private static final int CAPACITY = 256;

    private record Key(Space space, long base) {
    }

    private final PageReader reader;
    private final Map<Key, PageBytes> pages = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, PageBytes> eldest) {
            return size() > CAPACITY;
        }
    };

    PageCache(PageReader reader) {
        this.reader = reader;
    }

    /** The page of {@code space} that holds {@code address}, read now if it is not here. */
    PageBytes page(Space space, long address) {
        long base = address & -PageReader.PAGE;
        Key key = new Key(space, base);
        synchronized (pages) {
            PageBytes p = pages.get(key);
            if (p != null) {
                return p;
            }
        }
        PageBytes read = reader.read(space, base);
        synchronized (pages) {
            pages.put(key, read);
        }
        return read;
    }
}
