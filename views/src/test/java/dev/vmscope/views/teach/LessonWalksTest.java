package dev.vmscope.views.teach;

import dev.vmscope.core.Hex;
import dev.vmscope.core.Session;
import dev.vmscope.core.xlat.Translation;
import dev.vmscope.core.xlat.WalkResult;
import dev.vmscope.views.fx.Sizes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every address of every lesson, walked by the core walker over the lesson's dump, ends where the
 * manuals say it must. The expected lines were worked out by hand from the entries in each dump's spec.
 * A mapped walk reads {@code <physical> <page size> <access>}; access combines every level (writable only
 * if every level allows it, user only if every level does, not executable if any level forbids it).
 */
class LessonWalksTest {
    private static final Map<String, List<String>> EXPECTED = Map.of(
            // Intel SDM vol. 3, 4.3 (32-bit paging): PDE = CR3 + 4 × VA[31:22], PTE = PT + 4 × VA[21:12];
            // a PDE with PS = 1 maps 4 MiB (table 4-4); there is no execute-disable bit (4.6), so all is "x".
            "x86-32", List.of(
                    "0x5234 4 KiB rw kernel x",          // PD[768] 0x2063 (U/S clear), PT[257] 0x5163
                    "0x412345 4 MiB rw kernel x",        // PD[770] 0x4001e3: PS, frame 0x400000 + VA[21:0] 0x12345
                    "fault PT NOT_PRESENT",              // PT[258] = 0
                    "0x6000 4 KiB ro user x",            // PD[32] 0x3067, PT[72] 0x6025: R/W clear, U/S set at both
                    "fault PD NOT_PRESENT"),             // PD[256] = 0
            // SDM 4.4 (PAE): PDPTE = CR3 + 8 × VA[31:30]; PDPTEs carry no R/W, U/S (4.4.1), the PD and PT decide;
            // XD (bit 63) forbids execution (4.6, with IA32_EFER.NXE).
            "x86-pae", List.of(
                    "0x5234 4 KiB rw kernel nx",         // PDPT[3], PD[0], PT[257] 0x8000000000005163: XD
                    "0x412345 2 MiB rw kernel x",        // PD[2] 0x4001e3: PS, 2 MiB frame 0x400000 + VA[20:0]
                    "fault PT NOT_PRESENT",
                    "0x7000 4 KiB ro user x",            // PT[72] 0x7025
                    "0x8000 4 KiB rw user nx",           // PT[73] 0x8000000000008067
                    "fault PDPT NOT_PRESENT"),           // PDPT[1] = 0
            // SDM 4.5 (4-level): the bundled sample; values as its README derives them.
            "x86_64-4level", List.of(
                    "0x2400000 4 KiB ro kernel nx",
                    "0x2000100 2 MiB ro kernel x",       // PD[8] 0x20001e1: PS, no XD
                    "0x40123456 1 GiB rw kernel nx",     // PDPT[1] 0x80000000400001e3: PS at the PDPT, VA[29:0]
                    "fault PT NOT_PRESENT",              // PT[64] 0x8000000002440062: frame kept, P clear
                    "0x5004000 4 KiB ro user x",
                    "0x5005000 4 KiB rw user nx",
                    "fault PML4 NOT_PRESENT",            // init_top_pgt[0] = 0
                    "fault - INVALID_ADDRESS"),          // bits 63:48 not copies of bit 47 (4.5.1: canonical)
            // SDM 4.5 with CR4.LA57: PML5 = CR3 + 8 × VA[56:48]; canonical means bits 63:57 equal bit 56.
            "x86_64-5level", List.of(
                    "0x9000 4 KiB rw user nx",
                    "0x40123456 1 GiB rw kernel nx",     // PML5[273], PML4[0], PDPT[1] 0x80000000400001e3
                    "0x201234 2 MiB rw kernel nx",       // PD[1] 0x80000000002001e3
                    "fault PT NOT_PRESENT",
                    "0x8000 4 KiB ro user x",
                    "fault PML5 NOT_PRESENT",            // PML5[1] = 0: bit 48 set is canonical only with LA57
                    "fault - INVALID_ADDRESS"),          // bit 56 set, bits 63:57 clear
            // Arm ARM D8 (VMSAv8-64, 4 KiB granule): descriptor bits[1:0] 0b11 table/page, 0b01 block,
            // bit 0 clear invalid; AP[2] (bit 7) read-only, AP[1] (bit 6) EL0 access; PXN bit 53, UXN bit 54.
            "aarch64-4k-48", List.of(
                    "0x40010234 4 KiB ro kernel nx",     // L3[1] 0x0060000040010783: AP[2], PXN UXN
                    "0x40205678 2 MiB ro kernel x",      // L2[65] 0x0040000040200781: a block, PXN clear
                    "fault L3 NOT_PRESENT",              // L3[2] = 0: invalid
                    // L3[0] 0x0020000040012fc3: AP = 0b11, UXN clear (EL0 may execute) but PXN set; vmscope's
                    // "x" is the kernel's view (EL1 may fetch: PXN clear), so this user code page reads "nx"
                    "0x40012000 4 KiB ro user nx",
                    "0x40011000 4 KiB rw user nx",       // L3[1] 0x0060000040011f43: AP = 0b01, UXN
                    "fault L0 NOT_PRESENT"),             // L0[0] = 0
            // Arm ARM B3.6 (ARMv7 LPAE): the same descriptor shapes over a 32-bit VA, L1 indexed by VA[31:30];
            // XN is bit 54, PXN bit 53.
            "arm-lpae", List.of(
                    "0x80005234 4 KiB rw kernel nx",     // L3[257] 0x0040000080005703: XN
                    "0x80412345 2 MiB ro kernel x",      // L2[2] 0x80400781: a block, AP[2]
                    "fault L3 NOT_PRESENT",
                    "0x80008000 4 KiB ro user nx",       // L3[0] 0x0020000080008fc3: XN clear, PXN set (PL1 view)
                    "0x80009000 4 KiB rw user nx",       // L3[1] 0x0060000080009f43
                    "fault L1 NOT_PRESENT"),             // L1[1] = 0
            // Linux arch/x86/xen/p2m.c: three levels of 512 machine frame numbers; a leaf's mfn × 4096 plus
            // the offset is the machine address; bit 62 identity (mfn = pfn), bit 63 foreign, ~0 invalid.
            "xen-p2m", List.of(
                    "0x1a2b123 4 KiB rw user x",         // p2m[5] = 0x1a2b
                    "0xa0000 4 KiB rw user x",           // p2m[0xa0] = 0x40000000000000a0: identity
                    "0x1f00000 4 KiB rw user x",         // p2m[7] = 0x8000000000001f00: foreign
                    "fault p2m NOT_PRESENT",             // p2m[6] = ~0
                    "fault frame-list NOT_PRESENT"));    // frame-list[1] = ~0

    static List<String> ids() {
        return Lessons.ids();
    }

    @Test
    void everyLessonHasItsExpectations() {
        assertEquals(EXPECTED.keySet(), java.util.Set.copyOf(Lessons.ids()));
    }

    @ParameterizedTest
    @MethodSource("ids")
    void everyWalkEndsWhereTheManualSays(String id) {
        Lesson lesson = Lessons.lesson(id);
        try (Session s = Lessons.open(lesson)) {
            List<String> got = LessonWalks.walk(s, lesson).stream().map(LessonWalksTest::outcome).toList();
            assertEquals(EXPECTED.get(id), got, id);
        }
    }

    @ParameterizedTest
    @MethodSource("ids")
    void everyLessonShowsAPageAFaultAndAUserPage(String id) {
        Lesson lesson = Lessons.lesson(id);
        try (Session s = Lessons.open(lesson)) {
            List<Translation> walks = LessonWalks.walk(s, lesson);
            assertTrue(walks.stream().anyMatch(t -> t.mapping().filter(m -> m.pageSize() == 4096).isPresent()), "a 4 KiB page");
            assertTrue(walks.stream().anyMatch(t -> t.fault().isPresent()), "a fault");
            if (!id.equals("xen-p2m")) { // a p2m has no huge pages and no privilege bits
                assertTrue(walks.stream().anyMatch(t -> t.mapping().filter(m -> m.pageSize() > 4096).isPresent()), "a huge page");
                assertTrue(walks.stream().anyMatch(t -> t.mapping().filter(m -> m.permissions().user()).isPresent()), "a user page");
                assertTrue(walks.stream().anyMatch(t -> t.mapping().filter(m -> !m.permissions().user()).isPresent()), "a kernel page");
            }
        }
    }

    /**
     * Every quiz answer of every lesson is the walker's own number: the index the address bits give, the
     * entry at table + index × entry size, the next table as the next step reads it, the final address.
     */
    @ParameterizedTest
    @MethodSource("ids")
    void quizAnswersAreTheWalksOwnNumbers(String id) {
        Lesson lesson = Lessons.lesson(id);
        try (Session s = Lessons.open(lesson)) {
            for (Translation t : LessonWalks.walk(s, lesson)) {
                for (Question q : Quiz.of(t)) {
                    var step = t.steps().get(q.step());
                    var level = t.mode().form().levels().get(q.step());
                    long expected = switch (q.kind()) {
                        case INDEX -> (t.virtualAddress() >>> level.shift()) & ((1L << level.bits()) - 1);
                        case ENTRY_ADDRESS -> step.table() + (long) step.index() * t.mode().form().entrySize();
                        case NEXT_TABLE -> t.steps().get(q.step() + 1).table();
                        case PHYSICAL -> t.mapping().orElseThrow().address();
                    };
                    assertEquals(expected, q.answer(), id + " " + Hex.of(t.virtualAddress()) + " " + q.prompt());
                    assertTrue(q.accepts(q.answerText()), q.prompt());
                    assertTrue(q.accepts("0x" + Long.toHexString(q.answer())), "hex with 0x: " + q.prompt());
                }
                int expectedQuestions = t.mapped() ? 3 * t.steps().size() : 3 * t.steps().size() - 1;
                assertEquals(Math.max(0, expectedQuestions), Quiz.of(t).size(), Hex.of(t.virtualAddress()));
            }
        }
    }

    /** The clear bits that matter, by the manuals: a PAE PDPTE has none (4.4.1), a user PTE lacks only R/W and XD. */
    @Test
    void clearedBitsFollowTheManuals() {
        Lesson pae = Lessons.lesson("x86-pae");
        try (Session s = Lessons.open(pae)) {
            Translation code = LessonWalks.walk(s, pae).get(3); // 0x08048000: PDPT[0] 0x4001, PD[64] 0x6067, PT[72] 0x7025
            assertEquals(List.of(), ClearedBits.of(code.mode(), code.steps().get(0)));
            assertEquals(List.of("XD (bit 63) clear: this level does not forbid execution"), ClearedBits.of(code.mode(), code.steps().get(1)));
            assertEquals(List.of("R/W (bit 1) clear: no writes through this entry", "XD (bit 63) clear: this level does not forbid execution"),
                    ClearedBits.of(code.mode(), code.steps().get(2)));
        }
        Lesson arm = Lessons.lesson("aarch64-4k-48");
        try (Session s = Lessons.open(arm)) {
            Translation rodata = LessonWalks.walk(s, arm).getFirst(); // L3[1] 0x0060000040010783: AP = 0b10
            assertEquals(List.of("AP[1] (bit 6) clear: only the kernel (EL1, PL1) may access the page"),
                    ClearedBits.of(rodata.mode(), rodata.steps().getLast()));
        }
    }

    static String outcome(Translation t) {
        return switch (t.result()) {
            case WalkResult.Mapped m -> Hex.of(m.address()) + " " + Sizes.of(m.pageSize()) + " " + String.join(" ", m.permissions().words());
            case WalkResult.Fault f -> "fault " + (f.level() == null ? "-" : f.level()) + " " + f.kind();
        };
    }
}
