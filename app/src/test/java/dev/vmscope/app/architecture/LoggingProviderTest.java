package dev.vmscope.app.architecture;

import dev.vmscope.app.logging.JulLoggerFactory;
import elf4j.spi.LoggerFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The elf4j facade silently falls back to logging nothing when it finds no provider, and to logging nothing
 * with a complaint on stderr when it finds several: exactly one must be on the class path.
 */
class LoggingProviderTest {

    @Test
    void exactlyOneElf4jProviderIsFound() {
        List<Class<?>> providers = ServiceLoader.load(LoggerFactory.class).stream()
                .map(ServiceLoader.Provider::type)
                .<Class<?>>map(type -> type)
                .toList();
        assertEquals(List.of(JulLoggerFactory.class), providers);
    }
}
