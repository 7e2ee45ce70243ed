package dev.vmscope.core.notes;

import dev.vmscope.core.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Flag and control registers decoded bit by bit; every expected word comes from the manual's bit layout. */
class FlagRegistersTest {

    private static List<String> words(FlagRegister r, long value) {
        return r.words(value);
    }

    @Test
    void rflagsAfterAnXorWithInterruptsEnabled() {
        // SDM vol. 1 Figure 3-8: PF bit 2, ZF bit 6, IF bit 9; bit 1 reads as one and is not news
        assertEquals(List.of("PF", "ZF", "IF"), words(FlagRegisters.RFLAGS, 0x246));
    }

    @Test
    void everyDefinedRflagsBitInBitOrder() {
        // CF 0, PF 2, AF 4, ZF 6, SF 7, TF 8, IF 9, DF 10, OF 11, IOPL 13:12 = 3, NT 14, RF 16, VM 17,
        // AC 18, VIF 19, VIP 20, ID 21
        assertEquals(List.of("CF", "PF", "AF", "ZF", "SF", "TF", "IF", "DF", "OF", "IOPL=3", "NT", "RF", "VM",
                "AC", "VIF", "VIP", "ID"), words(FlagRegisters.RFLAGS, 0x3f7fd7));
    }

    @Test
    void ioplIsANumberAndReservedBitsAreNamedByPosition() {
        assertEquals(List.of("IF", "IOPL=2", "RF"), words(FlagRegisters.RFLAGS, 0x12202));
        // bits 3, 5 and 15 are reserved (zero)
        assertEquals(List.of("bit3", "bit5", "bit15"), words(FlagRegisters.RFLAGS, 0x802a));
        assertEquals(List.of("CF"), words(FlagRegisters.EFLAGS, 0x3));
    }

    @Test
    void cr0OfALinuxKernel() {
        // PG 31, AM 18, WP 16, NE 5, ET 4, MP 1, PE 0 (SDM vol. 3A Figure 2-7)
        assertEquals(List.of("PE", "MP", "ET", "NE", "WP", "AM", "PG"), words(FlagRegisters.CR0, 0x80050033L));
        assertEquals(List.of("EM", "TS", "NW", "CD"), words(FlagRegisters.CR0, 0x6000000cL));
    }

    @Test
    void cr4OfALinuxKernel() {
        // PSE 4, PAE 5, PGE 7, OSFXSR 9, OSXMMEXCPT 10, FSGSBASE 16, PCIDE 17, OSXSAVE 18, SMEP 20, SMAP 21
        assertEquals(List.of("PSE", "PAE", "PGE", "OSFXSR", "OSXMMEXCPT", "FSGSBASE", "PCIDE", "OSXSAVE", "SMEP", "SMAP"),
                words(FlagRegisters.CR4, 0x3706b0L));
    }

    @Test
    void cr4NewerBits() {
        // UMIP 11, LA57 12, VMXE 13, PKE 22, CET 23, PKS 24, UINTR 25, LASS 27, LAM_SUP 28, FRED 32; 15 and 26 reserved
        assertEquals(List.of("UMIP", "LA57", "VMXE", "PKE", "CET", "PKS", "UINTR", "LASS", "LAM_SUP", "FRED", "bit15", "bit26"),
                words(FlagRegisters.CR4, 0x1_1bc0_3800L | 1L << 15 | 1L << 26));
    }

    @Test
    void pstateOfTheKernelWithEverythingMasked() {
        // M[4:0] = 0b00101: EL1 using SP_EL1; F 6, I 7, A 8, D 9 (Arm ARM SPSR_EL1)
        assertEquals(List.of("EL1h", "F", "I", "A", "D"), words(FlagRegisters.PSTATE, 0x3c5));
        assertEquals(List.of("EL1h", "F", "I", "A", "D", "C", "Z"), words(FlagRegisters.PSTATE, 0x600003c5L));
    }

    @Test
    void pstateOfUserSpaceIsEl0t() {
        assertEquals(List.of("EL0t", "N"), words(FlagRegisters.PSTATE, 0x80000000L));
    }

    @ParameterizedTest
    @CsvSource({"0x4, EL1t", "0x5, EL1h", "0x8, EL2t", "0x9, EL2h", "0xc, EL3t", "0xd, EL3h",
            "0x10, usr", "0x13, svc", "0x1, M=0b00001"})
    void pstateModeField(String m, String word) {
        assertEquals(word, words(FlagRegisters.PSTATE, Long.decode(m)).getFirst());
    }

    @Test
    void pstateExtensionBits() {
        // BTYPE 11:10, SSBS 12, ALLINT 13, IL 20, SS 21, PAN 22, UAO 23, DIT 24, TCO 25, V 28
        long v = 0x5L | 2L << 10 | 1L << 12 | 1L << 13 | 1L << 20 | 1L << 21 | 1L << 22 | 1L << 23 | 1L << 24
                | 1L << 25 | 1L << 28;
        assertEquals(List.of("EL1h", "BTYPE=0b10", "SSBS", "ALLINT", "IL", "SS", "PAN", "UAO", "DIT", "TCO", "V"),
                words(FlagRegisters.PSTATE, v));
    }

    @Test
    void cpsrOfTheKernelInSupervisorMode() {
        // M = 0b10011 svc, F 6, I 7, A 8, C 29, Z 30 (ARMv7-A ARM B1.3.3)
        assertEquals(List.of("svc", "F", "I", "A", "C", "Z"), words(FlagRegisters.CPSR, 0x600001d3L));
    }

    @ParameterizedTest
    @CsvSource({"0x10, usr", "0x11, fiq", "0x12, irq", "0x13, svc", "0x16, mon", "0x17, abt", "0x1a, hyp",
            "0x1b, und", "0x1f, sys", "0x0, M=0b00000"})
    void cpsrModes(String m, String word) {
        assertEquals(List.of(word), words(FlagRegisters.CPSR, Long.decode(m)));
    }

    @Test
    void cpsrItStateIsSplitOverTwoBitRanges() {
        // IT[7:0] = 0xa5: IT[7:2] = 0b101001 in bits 15:10, IT[1:0] = 0b01 in bits 26:25; T 5 (Thumb)
        long cpsr = 0b101001L << 10 | 0b01L << 25 | 0x30;
        assertEquals(List.of("usr", "T", "IT=0xa5"), words(FlagRegisters.CPSR, cpsr));
        assertEquals(0xa5L, FlagRegisters.CPSR.field("IT").orElseThrow().valueIn(cpsr));
        assertEquals("bits 15:10,26:25", FlagRegisters.CPSR.field("IT").orElseThrow().position());
    }

    @Test
    void cpsrGeJazelleEndiannessAndSaturation() {
        // E 9, GE 19:16 = 0b1010, DIT 21, PAN 22, SSBS 23, J 24, Q 27, V 28, N 31
        long cpsr = 0x13 | 1L << 9 | 0b1010L << 16 | 1L << 21 | 1L << 22 | 1L << 23 | 1L << 24 | 1L << 27 | 1L << 28 | 1L << 31;
        assertEquals(List.of("svc", "E", "GE=0b1010", "DIT", "PAN", "SSBS", "J", "Q", "V", "N"), words(FlagRegisters.CPSR, cpsr));
    }

    @Test
    void everyFieldCanBeReadBack() {
        FlagRegister.Value iopl = FlagRegisters.RFLAGS.decode(0x3002).stream()
                .filter(v -> v.field().name().equals("IOPL")).findFirst().orElseThrow();
        assertEquals(3, iopl.value());
        assertEquals("bits 13:12", iopl.field().position());
        assertEquals("bit 9", FlagRegisters.RFLAGS.field("IF").orElseThrow().position());
        assertTrue(FlagRegisters.CR4.field("SMAP").orElseThrow().meaning().contains("user pages"));
    }

    @Test
    void tablesByArchitectureAndRegisterName() {
        assertSame(FlagRegisters.RFLAGS, FlagRegisters.of(Architecture.X86_64, "rflags").orElseThrow());
        assertSame(FlagRegisters.EFLAGS, FlagRegisters.of(Architecture.I386, "eflags").orElseThrow());
        assertSame(FlagRegisters.CR4, FlagRegisters.of(Architecture.I386, "cr4").orElseThrow());
        assertSame(FlagRegisters.PSTATE, FlagRegisters.of(Architecture.AARCH64, "pstate").orElseThrow());
        assertSame(FlagRegisters.CPSR, FlagRegisters.of(Architecture.ARM, "cpsr").orElseThrow());
        assertTrue(FlagRegisters.of(Architecture.ARM, "r0").isEmpty());
        assertTrue(FlagRegisters.of(Architecture.AARCH64, "cpsr").isEmpty());
    }

    @Test
    void overlappingFieldsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new FlagRegister("x", List.of(
                FlagField.bit(3, "A", "a"), FlagField.named(4, 3, "B", "b", Map.of())), 0, "test"));
    }
}
