package dev.vmscope.core.xlat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Paging modes named as output names them resolve to the mode of that id and shape. */
class PagingModesByIdTest {

    @ParameterizedTest
    @CsvSource({"x86_64-4level, 4", "x86_64-5level, 5", "x86-32, 2", "x86-pae, 3", "arm-short, 2", "arm-short-v5, 2",
            "arm-lpae, 3", "aarch64-4k-39, 3", "aarch64-4k-48, 4", "aarch64-4k-52, 5", "aarch64-16k-47, 3",
            "aarch64-16k-48, 4", "aarch64-64k-42, 2", "aarch64-64k-52, 3"})
    void knownIds(String id, int depth) {
        PagingMode m = PagingModes.byId(id).orElseThrow();
        assertEquals(id, m.id());
        assertEquals(depth, m.form().depth());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x86", "aarch64-8k-48", "aarch64-4k-53", "aarch64-64k-20", "aarch64-4k-4"})
    void unknownIds(String id) {
        assertTrue(PagingModes.byId(id).isEmpty());
    }
}
