package dev.vmscope.core.fuzz;

import dev.vmscope.core.testing.TestDumps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes the fuzz targets' seeds into the source tree with the project's own builders. Not part of the
 * normal run: {@code ./mvnw -B -o -pl core -am verify -Dtest=FuzzSeedWriter -Dvmscope.fuzz.writeSeeds=true
 * -Dsurefire.failIfNoSpecifiedTests=false}, then review and commit the files. The format targets read a
 * {@link com.code_intelligence.jazzer.api.FuzzedDataProvider}: the dump bytes come first, the primitives
 * the target consumes (an address, a flag) are taken from the end, so a seed is the file plus a tail.
 */
@EnabledIfSystemProperty(named = "vmscope.fuzz.writeSeeds", matches = "true")
class FuzzSeedWriter {
    static final Path RESOURCES = Path.of("src/test/resources/dev/vmscope/core/fuzz");
    static final Path OLD = RESOURCES.resolve("DumpOpenFuzzTestInputs/anyBytesOpenOrFailWithAFormatError");

    @Test
    void writeSeeds() throws Exception {
        byte[] x86 = TestDumps.image("/dev/vmscope/core/format/small-core-x86_64.spec").bytes();
        byte[] i386 = TestDumps.image("/dev/vmscope/core/format/small-core-i386.spec").bytes();
        byte[] paging = TestDumps.image("/dev/vmscope/core/xlat/x86_64-4level.spec").bytes();
        byte[] teaching = Files.readAllBytes(OLD.resolve("teaching-sample"));
        seed("FormatFuzzTestInputs/elfCore", "small-core-x86_64", withTail(x86, 9));
        seed("FormatFuzzTestInputs/elfCore", "small-core-i386", withTail(i386, 9));
        seed("FormatFuzzTestInputs/elfCore", "x86_64-4level", withTail(paging, 9));

        byte[] kdump = smallKdump(Files.readAllBytes(dev.vmscope.core.testing.Corpus.file("x86_64-6.1-qemu-live", "dumps/vmcore-qemu.kdump-zlib")), 16);
        for (byte[] file : new byte[][] {kdump, flatten(kdump)}) {
            try (var d = dev.vmscope.core.format.DumpFormats.open(new dev.vmscope.core.io.ByteArrayStorage("seed", file))) {
                var first = d.memory().ranges().getFirst();
                d.memory().read(first.start(), new byte[4096], 0, 4096);
            }
        }
        seed("FormatFuzzTestInputs/kdumpCompressed", "x86_64-qemu-zlib-16-pages", withTail(kdump, 9));
        seed("FormatFuzzTestInputs/kdumpCompressed", "kdump-header", withTail(Files.readAllBytes(OLD.resolve("kdump-header")), 9));
        seed("FormatFuzzTestInputs/kdumpFlattened", "x86_64-qemu-zlib-16-pages", withTail(flatten(kdump), 9));
        seed("DumpOpenFuzzTestInputs/anyBytesOpenOrFailWithAFormatError", "x86_64-qemu-zlib-16-pages", concat(kdump, new byte[25]));

        // three small ranges behind their headers, a hole between the first two (the corpus-like specs are megabytes)
        byte[] lime = dev.vmscope.core.testing.kdump.ImageWriter.lime(dev.vmscope.core.testing.kdump.KdumpSpecParser.parse("""
                @kdump block=4096
                @pages
                0x1-0x3 ram
                0x3-0x9 hole
                0x9-0xb ram
                0xb-0xc zero
                @poke
                0x9100: "init_task"
                @output lime
                """, "lime-seed"));
        seed("FormatFuzzTestInputs/lime", "lime-x86_64", withTail(lime, 8)); // the address is the last 8 bytes: the rest is the file
        seed("DumpOpenFuzzTestInputs/anyBytesOpenOrFailWithAFormatError", "lime-x86_64", concat(lime, new byte[25]));
        byte[] kcore = Files.readAllBytes(dev.vmscope.core.testing.Corpus.file("x86_64-6.1-qemu-live", "truth/kcore.header.bin"));
        seed("FormatFuzzTestInputs/kcore", "kcore-header-x86_64", withTail(kcore, 8));
        seed("DumpOpenFuzzTestInputs/anyBytesOpenOrFailWithAFormatError", "kcore-header-x86_64", concat(kcore, new byte[25]));

        Class<?> test = Class.forName("dev.vmscope.core.format.xccore.XcCoreFormatTest");
        Method pvGuest = test.getDeclaredMethod("pvGuest");
        pvGuest.setAccessible(true);
        Object builder = pvGuest.invoke(null);
        Method build = builder.getClass().getDeclaredMethod("build");
        build.setAccessible(true);
        seed("FormatFuzzTestInputs/xcCore", "pv-guest", withTail((byte[]) build.invoke(builder), 9));
        for (String arch : new String[] {"amd64", "arm", "arm64"}) {
            seed("FormatFuzzTestInputs/freeBsdMinidump", arch, withTail(Files.readAllBytes(OLD.resolve("freebsd-minidump-" + arch)), 9));
        }

        seed("NoteFuzzTestInputs/noteSegment", "x86_64-notes", withTail(noteSegment(x86), 1));
        seed("NoteFuzzTestInputs/noteSegment", "i386-notes", withTail(noteSegment(i386), 1));
        byte[] vmcoreinfo = "OSRELEASE=6.1.0\nPAGESIZE=4096\nSYMBOL(init_top_pgt)=ffffffff8260a000\nNUMBER(phys_base)=-2147483648\n"
                .concat("SIZE(page)=64\nOFFSET(page.flags)=0\nLENGTH(mem_section)=2048\nKERNELOFFSET=1e000000\nCONFIG_X86_5LEVEL=y\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        seed("NoteFuzzTestInputs/vmcoreinfo", "text", concat(vmcoreinfo, new byte[] {0}));
        seed("NoteFuzzTestInputs/vmcoreinfo", "note-file", concat(note("VMCOREINFO", 0, vmcoreinfo), new byte[] {1}));
        seed("NoteFuzzTestInputs/vmcoreinfoScanner", "note-at-page-start",
                concat(note("VMCOREINFO", 0, vmcoreinfo), new byte[] {0, 0, 0x10, 0, 0, 0, 0, 0, 0, 0, 0}));

        byte[] selfLinked = new byte[9 * 4096];
        ByteBuffer b = ByteBuffer.wrap(selfLinked).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 8 <= selfLinked.length; i += 8) {
            b.putLong(i, 0x1003);
        }
        byte[] zero = new byte[9 * 4096];
        seed("PageTableFuzzTestInputs/walkTranslateAndDump", "every-entry-names-frame-1", selfLinked);
        seed("PageTableFuzzTestInputs/walkTranslateAndDump", "zeros", zero);
        // the p2m targets take their root, layout choice and max_pfn from the end: 0x01 bytes choose frame 1,
        // p2m_vaddr 0xffffc90000000000 and a max_pfn below 2^20, so the seed replays in well under a second
        byte[] p2m = selfLinked.clone();
        Arrays.fill(p2m, p2m.length - 64, p2m.length, (byte) 1);
        for (String target : new String[] {"xenP2mTree", "xenP2mLinear"}) {
            seed("PageTableFuzzTestInputs/" + target, "every-entry-names-frame-1", p2m);
            seed("PageTableFuzzTestInputs/" + target, "zeros", zero);
        }
    }

    /**
     * The corpus's compressed kdump cut down to its header blocks, one block of each bitmap (pfns below
     * 32768, max_mapnr rewritten to match) with only the first {@code pages} dumped pages left set, their
     * descriptors, and their compressed data moved to follow the descriptors.
     */
    static byte[] smallKdump(byte[] full, int pages) {
        ByteBuffer in = ByteBuffer.wrap(full).order(ByteOrder.LITTLE_ENDIAN);
        int block = in.getInt(428);
        int subBlocks = in.getInt(432);
        int bitmapBlocks = in.getInt(436);
        int bits = block * 8;
        byte[] valid = Arrays.copyOfRange(full, (1 + subBlocks) * block, (2 + subBlocks) * block);
        byte[] dumped = Arrays.copyOfRange(full, (1 + subBlocks + bitmapBlocks / 2) * block, (2 + subBlocks + bitmapBlocks / 2) * block);
        int kept = 0;
        for (int pfn = 0; pfn < bits; pfn++) {
            if ((dumped[pfn >> 3] & (1 << (pfn & 7))) != 0) {
                if (kept < pages) {
                    kept++;
                } else {
                    dumped[pfn >> 3] &= (byte) ~(1 << (pfn & 7));
                }
            }
        }
        long descriptors = (long) (1 + subBlocks + bitmapBlocks) * block;
        int headerEnd = (3 + subBlocks) * block;
        int dataStart = headerEnd + kept * 24;
        ByteBuffer out = ByteBuffer.allocate(dataStart + kept * block).order(ByteOrder.LITTLE_ENDIAN);
        out.put(full, 0, (1 + subBlocks) * block).put(valid).put(dumped);
        out.putInt(436, 2).putInt(440, bits).putLong(block + 96, bits);
        int data = dataStart;
        for (int i = 0; i < kept; i++) {
            int d = (int) (descriptors + 24L * i);
            long offset = in.getLong(d);
            int size = in.getInt(d + 8);
            out.putLong(headerEnd + 24 * i, data).putInt(headerEnd + 24 * i + 8, size)
                    .putInt(headerEnd + 24 * i + 12, in.getInt(d + 12)).putLong(headerEnd + 24 * i + 16, in.getLong(d + 16));
            out.put(data, full, (int) offset, size);
            data += size;
        }
        return Arrays.copyOf(out.array(), data);
    }

    /** The same file as a flattened stream: the 4 KiB "makedumpfile" header, then 4 KiB records from the last to the first, then the end mark. */
    static byte[] flatten(byte[] file) {
        int records = (file.length + 4095) / 4096;
        ByteBuffer out = ByteBuffer.allocate(4096 + records * 16 + file.length + 16).order(ByteOrder.BIG_ENDIAN);
        out.put("makedumpfile".getBytes(StandardCharsets.ISO_8859_1)).putLong(16, 1).putLong(24, 1).position(4096);
        for (int r = records - 1; r >= 0; r--) {
            int len = Math.min(4096, file.length - r * 4096);
            out.putLong(r * 4096L).putLong(len).put(file, r * 4096, len);
        }
        out.putLong(-1).putLong(-1);
        return out.array();
    }

    /** The notes of a built ELF core: its PT_NOTE segment as the file holds it. */
    private static byte[] noteSegment(byte[] elf) {
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        boolean is64 = elf[4] == 2;
        long phoff = is64 ? b.getLong(32) : b.getInt(28);
        int phentsize = Short.toUnsignedInt(b.getShort(is64 ? 54 : 42));
        int phnum = Short.toUnsignedInt(b.getShort(is64 ? 56 : 44));
        for (int i = 0; i < phnum; i++) {
            int at = (int) (phoff + (long) i * phentsize);
            if (b.getInt(at) == 4) {
                long off = is64 ? b.getLong(at + 8) : Integer.toUnsignedLong(b.getInt(at + 4));
                long size = is64 ? b.getLong(at + 32) : Integer.toUnsignedLong(b.getInt(at + 16));
                return Arrays.copyOfRange(elf, (int) off, (int) (off + size));
            }
        }
        throw new AssertionError("no PT_NOTE");
    }

    private static byte[] note(String name, int type, byte[] desc) {
        byte[] n = (name + "\0").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(12 + pad(n.length) + pad(desc.length)).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(n.length).putInt(desc.length).putInt(type).put(n).position(12 + pad(n.length));
        b.put(desc);
        return b.array();
    }

    private static int pad(int n) {
        return (n + 3) & ~3;
    }

    /** The file, then {@code tail} bytes for the primitives a target consumes from the end (address 0x1000, flags off). */
    private static byte[] withTail(byte[] file, int tail) {
        byte[] t = new byte[tail];
        if (tail >= 8) {
            t[tail - 8 + 1] = 0x10;
        }
        return concat(file, t);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void seed(String dir, String name, byte[] bytes) throws IOException {
        Path d = RESOURCES.resolve(dir);
        Files.createDirectories(d);
        Files.write(d.resolve(name), bytes);
    }
}
