package dev.vmscope.app.cli;

import dev.vmscope.core.io.Space;
import dev.vmscope.core.xlat.FaultKind;
import dev.vmscope.core.xlat.PagingModes;
import dev.vmscope.core.xlat.Permissions;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkResult;
import dev.vmscope.core.xlat.x86.X86_64Entry;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The text forms: the hex dump, sizes, aligned columns and brief lines. */
class TextFormatTest {

    private static List<String> hexDump(long address, byte[] data) {
        StringWriter s = new StringWriter();
        PrintWriter w = new PrintWriter(s);
        HexDump.write(w, address, data);
        w.flush();
        return s.toString().lines().toList();
    }

    @Test
    void hexDumpShowsSixteenBytesAndTheirCharactersPerLine() {
        byte[] data = new byte[20];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) ('A' + i);
        }
        data[3] = 0;
        data[4] = (byte) 0xff;
        assertEquals(List.of(
                "0x10:  41 42 43 00 ff 46 47 48  49 4a 4b 4c 4d 4e 4f 50  ABC..FGHIJKLMNOP",
                "0x20:  51 52 53 54                                       QRST"), hexDump(0x10, data));
    }

    @Test
    void hexDumpAlignsAddressesOfDifferentLengths() {
        List<String> lines = hexDump(0xfff8, new byte[32]);
        assertEquals(" 0xfff8:  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  ................", lines.get(0));
        assertEquals("0x10008:  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  ................", lines.get(1));
        assertEquals(2, lines.size());
    }

    @Test
    void hexDumpAtTheTopOfTheAddressSpace() {
        assertEquals(List.of("0xfffffffffffffff0:  " + "00 ".repeat(8) + " " + "00 ".repeat(7) + "00  " + ".".repeat(16)),
                hexDump(0xfffffffffffffff0L, new byte[16]));
    }

    @Test
    void sizesUseBinaryUnits() {
        assertEquals("0 bytes", Sizes.of(0));
        assertEquals("1 byte", Sizes.of(1));
        assertEquals("1023 bytes", Sizes.of(1023));
        assertEquals("4 KiB", Sizes.of(4096));
        assertEquals("639 KiB", Sizes.of(0x9fc00));
        assertEquals("2 MiB", Sizes.of(2 << 20));
        assertEquals("1.5 GiB", Sizes.of(3L << 29));
        assertEquals("16 EiB", Sizes.of(-1L));
    }

    @Test
    void columnsAlignAndNeverPadTheLastCell() {
        StringWriter s = new StringWriter();
        PrintWriter w = new PrintWriter(s);
        new Columns("  ").row("PML4", "0x1000", "present").row("PD", "0x200000", "").print(w);
        w.flush();
        assertEquals(List.of("  PML4  0x1000    present", "  PD    0x200000"), s.toString().lines().toList());
    }

    @Test
    void briefLinesAreAddressesOrADash() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BriefOutput brief = new BriefOutput(new Streams(InputStream.nullInputStream(), out));
        var mode = PagingModes.x86_64(false, X86_64Entry.standard());
        brief.add(new Translation(0, 0x1000, mode, List.of(), new WalkResult.Mapped(0, 4096, new Permissions(true, false, true))));
        brief.add(new Translation(0xffffffff81000000L, 0x1000, mode, List.of(),
                new WalkResult.Mapped(0x1000000, 2 << 20, new Permissions(false, false, true))));
        brief.add(new Translation(0xf, 0x1000, mode, List.of(), new WalkResult.Mapped(0x10, 4096, new Permissions(true, false, true))));
        brief.add(new Translation(0xffff800000000000L, 0x1000, mode, List.of(),
                new WalkResult.Fault(FaultKind.NOT_PRESENT, "PML4", "PML4 entry not present", "PML4[256] = 0x0")));
        brief.finish();
        assertEquals(List.of("0x0 0x0", "0xffffffff81000000 0x1000000", "0xf 0x10", "0xffff800000000000 -"),
                out.toString(StandardCharsets.US_ASCII).lines().toList());
    }

    @Test
    void translationTextNamesTheSpaceOfTheResult() {
        var mode = PagingModes.x86_64(false, X86_64Entry.standard());
        StringWriter s = new StringWriter();
        PrintWriter w = new PrintWriter(s);
        TranslationText.write(w, new Translation(0xffffffff81000000L, 0x12a10000, mode, List.of(),
                new WalkResult.Mapped(0x11000000, 4096, new Permissions(false, true, true))), Space.MACHINE, List.of());
        w.flush();
        assertEquals(List.of("virtual 0xffffffff81000000  root 0x12a10000 (machine)  x86_64-4level",
                "  => machine 0x11000000  4 KiB page  ro user x"), s.toString().lines().toList());
    }
}
