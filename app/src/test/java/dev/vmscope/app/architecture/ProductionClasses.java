package dev.vmscope.app.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * The classes vmscope ships: no test classes, whether they come from a module's {@code target/test-classes}
 * or from core's test jar ({@code vmscope-core-…-tests.jar}), which app's tests also have on their class path.
 */
public final class ProductionClasses implements ImportOption {
    @Override
    public boolean includes(Location location) {
        return !location.contains("/test-classes/") && !location.contains("-tests.jar");
    }
}
