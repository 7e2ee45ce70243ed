package dev.vmscope.core.xlat;

import dev.vmscope.core.Session;
import dev.vmscope.core.io.Space;
import dev.vmscope.core.testing.TestDumps;
import dev.vmscope.core.xlat.x86.X86_64Entry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** AMD SME: the encryption bit of {@code NUMBER(sme_mask)} is removed from every address ({@code x86_64-sme.spec}). */
class X86_64SmeTest {
    private static Session session;

    @BeforeAll
    static void open() {
        session = TestDumps.session("/dev/vmscope/core/xlat/x86_64-sme.spec");
    }

    @AfterAll
    static void close() {
        session.close();
    }

    @Test
    void encryptionBitIsNotPartOfTablesOrPages() {
        Translation t = session.translate(0x1abc);
        assertEquals(0x9abc, t.mapping().orElseThrow().address());
        assertEquals(0x2000, t.steps().get(1).table());
        assertEquals(0x400123, session.translate(0x200123).mapping().orElseThrow().address());
        assertArrayEquals("encrypted page".getBytes(), session.read(Space.KERNEL_VIRTUAL, 0x1abc, 14));
    }

    @Test
    void encryptionBitIsNotPartOfCr3() {
        long cr3 = session.cpuPageTableRoot(0).orElseThrow();
        assertEquals(0x800000001000L, cr3);
        Translation t = session.translate(0x1abc, cr3);
        assertEquals(0x1000, t.root());
        assertEquals(0x9abc, t.mapping().orElseThrow().address());
    }

    @Test
    void withoutTheMaskTheTablesLieOutsideTheDump() {
        PageTableWalker plain = new PageTableWalker(session.memory(),
                PagingModes.x86_64(false, X86_64Entry.standard()), ByteOrder.LITTLE_ENDIAN);
        Translation t = plain.walk(0x1000, 0x1abc);
        assertEquals(FaultKind.NO_DATA, t.fault().orElseThrow().kind());
        assertEquals(0x800000002000L, t.steps().get(1).table());
    }
}
