package dev.vmscope.app.architecture;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import dev.vmscope.core.Session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency directions of vmscope's design: app → views → core; core never sees JavaFX; inside core the
 * subpackages depend downward only (format → notes, io; xlat → io; xen → xlat; kernel → xlat, notes; io, the
 * storage under the parsers, is below them all), and per-architecture entry formats know nothing of each other.
 */
@AnalyzeClasses(packages = "dev.vmscope", importOptions = ProductionClasses.class)
class ModuleLayeringTest {
    private static final String CORE = "dev.vmscope.core";

    /** What each core subpackage may use of its siblings; the rest of the siblings are off limits. */
    private static final Map<String, Set<String>> CORE_ALLOWED = allowed();

    @ArchTest
    static final ArchRule coreKnowsNoJavaFx = noClasses().that().resideInAPackage(CORE + "..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "com.sun.javafx..", "org.controlsfx..", "org.fxmisc..", "org.testfx..")
            .because("core is the model that the command line and the tests use without a screen");

    @ArchTest
    static final ArchRule coreKnowsNeitherViewsNorApp = noClasses().that().resideInAPackage(CORE + "..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.vmscope.views..", "dev.vmscope.app..");

    @ArchTest
    static final ArchRule viewsDoNotKnowTheApp = noClasses().that().resideInAPackage("dev.vmscope.views..")
            .should().dependOnClassesThat().resideInAPackage("dev.vmscope.app..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule coreSubpackagesDependDownwardOnly = CompositeArchRule.of(CORE_ALLOWED.entrySet().stream()
            .map(e -> noClasses().that().resideInAPackage(CORE + "." + e.getKey() + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbiddenFor(e.getKey(), e.getValue()))
                    .allowEmptyShould(true))
            .toList())
            .as("core subpackages depend downward only: " + CORE_ALLOWED);

    @ArchTest
    static final ArchRule coreSubpackagesDoNotReachUpToTheSession = noClasses()
            .that().resideInAnyPackage(CORE_ALLOWED.keySet().stream().map(p -> CORE + "." + p + "..")
                    .toArray(String[]::new))
            .should().dependOnClassesThat().belongToAnyOf(Session.class)
            .because("Session wires the subpackages together and sits above them all");

    @ArchTest
    static final ArchRule architecturesAreIndependent = slices().matching(CORE + ".xlat.(*)..")
            .should().notDependOnEachOther()
            .allowEmptyShould(true)
            .as("per-architecture packages under xlat do not depend on each other");

    private static Map<String, Set<String>> allowed() {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        m.put("io", Set.of());
        m.put("notes", Set.of("io"));
        m.put("xlat", Set.of("io"));
        // Xen's crash notes are its input, and xl dump-core's p2m is Xen's own (docs/decisions/0009-xen-pv-translation.md)
        m.put("xen", Set.of("xlat", "notes", "io"));
        m.put("format", Set.of("notes", "io", "xen", "xlat"));
        m.put("kernel", Set.of("xlat", "notes", "io"));
        return m;
    }

    private static String[] forbiddenFor(String subpackage, Set<String> allowed) {
        List<String> forbidden = CORE_ALLOWED.keySet().stream()
                .filter(other -> !other.equals(subpackage) && !allowed.contains(other))
                .map(other -> CORE + "." + other + "..")
                .toList();
        return forbidden.toArray(String[]::new);
    }
}
