package dev.vmscope.views.hex;

import dev.vmscope.core.io.Space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pages read most recently, so that scrolling back and forth does not read them again, and the
 * rows cut from them. Thread-safe.
 */
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

    /** The rows of a window, each cut from its page. */
    List<HexRow> rows(Space space, HexWindow w) {
        List<HexRow> out = new ArrayList<>(w.rows());
        for (int i = 0; i < w.filled(); i++) {
            long address = w.row(i);
            PageBytes page = page(space, address);
            int offset = (int) (address - page.base());
            int readable = 0;
            int excluded = 0;
            for (int b = 0; b < HexRow.WIDTH; b++) {
                if (page.readable(offset + b)) {
                    readable |= 1 << b;
                }
                if (page.excluded(offset + b)) {
                    excluded |= 1 << b;
                }
            }
            out.add(new HexRow(address, Arrays.copyOfRange(page.data(), offset, offset + HexRow.WIDTH), readable, excluded,
                    readable == 0xffff ? "" : page.problem()));
        }
        return List.copyOf(out);
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
