package dev.vmscope.app.logging;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The placeholder and lazy-argument conventions of the elf4j specification (its README, "Placeholder token" and
 * "Lazy arguments"), and what its reference logger in {@code elf4j.util} does at the edges: surplus arguments
 * are dropped, surplus placeholders stay.
 */
class MessageTemplateTest {

    @Test
    void placeholdersTakeTheArgumentsInOrder() {
        assertEquals("PML4 entry 511 of 0x1000", MessageTemplate.format("{} entry {} of {}", "PML4", 511, "0x1000"));
    }

    @Test
    void aSupplierArgumentGivesItsValue() {
        Supplier<String> lazy = () -> "computed";
        assertEquals("value computed, eager 7", MessageTemplate.format("value {}, eager {}", lazy, 7));
    }

    @Test
    void surplusArgumentsAreDroppedAndSurplusPlaceholdersStay() {
        assertEquals("a and b", MessageTemplate.format("{} and {}", "a", "b", "c"));
        assertEquals("a and {}", MessageTemplate.format("{} and {}", "a"));
    }

    @Test
    void aTemplateWithoutArgumentsIsLeftAsWritten() {
        assertEquals("braces {} and {0} stay", MessageTemplate.format("braces {} and {0} stay"));
    }

    @Test
    void nullReadsNull() {
        assertEquals("got null", MessageTemplate.format("got {}", (Object) null));
        assertEquals("null", MessageTemplate.format(null, 1));
        assertEquals("null", MessageTemplate.render(null));
    }

    @Test
    void onlyAPairOfBracesIsAPlaceholder() {
        assertEquals("{ } {x} 1", MessageTemplate.format("{ } {x} {}", 1));
        assertEquals("{1}", MessageTemplate.format("{{}}", 1));
    }

    @Test
    void aFailingSupplierIsWrittenInPlaceOfItsValue() {
        Supplier<String> failing = () -> {
            throw new IllegalStateException("no value");
        };
        assertEquals("v=<java.lang.IllegalStateException: no value>", MessageTemplate.format("v={}", failing));
    }

    @Test
    void aMessageSupplierIsAskedOnce() {
        AtomicInteger calls = new AtomicInteger();
        assertEquals("1", MessageTemplate.render((Supplier<Integer>) calls::incrementAndGet));
        assertEquals(1, calls.get());
    }
}
