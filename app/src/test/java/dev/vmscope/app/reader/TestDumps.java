package dev.vmscope.app.reader;

import dev.vmscope.core.Architecture;
import dev.vmscope.core.format.Dump;
import dev.vmscope.core.format.FormatField;
import dev.vmscope.core.io.ByteArrayStorage;
import dev.vmscope.core.io.SegmentedMemory;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.notes.ElfNote;
import dev.vmscope.core.notes.VmcoreInfo;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small live-looking dump held in memory: physical RAM at [0x1000, 0x3000) and [0x100000, 0x500000)
 * whose every byte is the low byte of its address plus the number of its 4 KiB page, and a third
 * range at 0x800000 whose bytes lie past the end of the storage (its reads fail).
 */
final class TestDumps {
    static final long LOW = 0x1000;
    static final long LOW_END = 0x3000;
    static final long HIGH = 0x100000;
    static final long HIGH_END = 0x500000;
    static final long BROKEN = 0x800000;

    private TestDumps() {
    }

    static byte expected(long address) {
        return (byte) (address + (address >>> 12));
    }

    static Dump dump() {
        int lowSize = (int) (LOW_END - LOW);
        int highSize = (int) (HIGH_END - HIGH);
        byte[] data = new byte[lowSize + highSize];
        for (int i = 0; i < lowSize; i++) {
            data[i] = expected(LOW + i);
        }
        for (int i = 0; i < highSize; i++) {
            data[lowSize + i] = expected(HIGH + i);
        }
        ByteArrayStorage storage = new ByteArrayStorage("test memory", data);
        SegmentedMemory memory = new SegmentedMemory(storage, Space.PHYSICAL, List.of(
                new SegmentedMemory.Segment(LOW, lowSize, 0, lowSize),
                new SegmentedMemory.Segment(HIGH, highSize, lowSize, highSize),
                new SegmentedMemory.Segment(BROKEN, 0x1000, data.length, 0x1000)));
        VmcoreInfo info = new VmcoreInfo(Map.of("OSRELEASE", "6.1.0-test", "PAGESIZE", "4096"), "VMCOREINFO note in a test");
        ElfNote note = new ElfNote("VMCOREINFO", 0, "OSRELEASE=6.1.0-test\nPAGESIZE=4096\n".getBytes(), 0x2000);
        return new Dump("/dev/mem", "devmem", "none", Architecture.X86_64, memory, List.of(note), List.of(), Optional.of(info),
                List.of(new FormatField("Live source", "chosen because", "asked for")), storage);
    }
}
