package dev.vmscope.app.reader;

import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.FormatField;
import dev.vmscope.core.io.MemoryRange;
import dev.vmscope.core.io.PositionalStorage;
import dev.vmscope.core.io.SegmentedMemory;
import dev.vmscope.core.io.Space;

import java.util.ArrayList;
import java.util.List;

/**
 * The live dump as vmscope sees it through the reader: the reader's facts, and physical memory whose
 * every read is a request over the pipe (nothing is cached: the memory is live).
 */
public final class RemoteDump {
    /** The info view's section for live facts, as the reader's own fields use it. */
    static final String SECTION = "Live source";

    private RemoteDump() {
    }

    /** A dump over a connected reader; closing the dump closes the pipe and so ends the reader. */
    public static Dump of(ReaderClient client) {
        Announcement a = client.announcement();
        PositionalStorage storage = new PositionalStorage(client);
        List<SegmentedMemory.Segment> segments = new ArrayList<>();
        for (MemoryRange r : a.ranges()) {
            segments.add(new SegmentedMemory.Segment(r.start(), r.size(), r.start(), r.size()));
        }
        List<FormatField> header = new ArrayList<>(a.header());
        header.add(new FormatField(SECTION, "reader", client.name() + ", answering reads of at most "
                + a.maxRead() + " bytes inside " + a.ranges().size() + " announced physical ranges"));
        return new Dump(a.source(), a.format(), "none", a.architecture(), new SegmentedMemory(storage, Space.PHYSICAL, segments),
                a.notes(), List.of(), a.vmcoreinfo(), header, storage);
    }
}
