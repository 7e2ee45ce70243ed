package dev.vmscope.app.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.io.RandomAccessFile;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.util.ResourceBundle;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.core.domain.properties.HasParameterTypes.Predicates.rawParameterTypes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Habits the build enforces: the console belongs to the command line, there is one logging API (elf4j) and one
 * place that speaks {@code java.util.logging}, and views do no file I/O.
 */
@AnalyzeClasses(packages = "dev.vmscope", importOptions = ProductionClasses.class)
class CodingRulesTest {
    private static final String CLI = "dev.vmscope.app.cli..";
    private static final String LOGGING = "dev.vmscope.app.logging..";

    /**
     * Classes that read or write files. {@code java.io.File} itself is only a name (what a JavaFX
     * FileChooser answers with) and may be handed on to core, which does the reading.
     */
    private static final DescribedPredicate<JavaClass> FILE_IO =
            resideInAPackage("java.io").and(simpleNameStartingWith("File")).and(DescribedPredicate.not(belongToAnyOf(java.io.File.class)))
                    .or(belongToAnyOf(RandomAccessFile.class, Files.class, FileChannel.class,
                            AsynchronousFileChannel.class))
                    .as("do file I/O (java.io.File streams, readers and writers, RandomAccessFile, Files, FileChannel)");

    @ArchTest
    static final ArchRule onlyTheCommandLineWritesToTheConsole = noClasses().that().resideOutsideOfPackage(CLI)
            .and().doNotBelongToAnyOf(dev.vmscope.app.reader.ReaderMain.class)
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("stdout and stderr carry the command line's contract (docs/cli.md) — and, for the separate"
                    + " privileged reader program, its pipe protocol; everything else logs");

    @ArchTest
    static final ArchRule noStackTraceIsPrintedToTheConsole = noClasses()
            .should().callMethodWhere(target(name("printStackTrace"))
                    .and(target(rawParameterTypes(new Class<?>[0])))
                    .and(target(owner(assignableTo(Throwable.class)))))
            .because("users get one clear line, never a stack trace; stack traces go to the log file");

    @ArchTest
    static final ArchRule julOnlyInTheLoggingProvider = noClasses().that().resideOutsideOfPackage(LOGGING)
            .should().dependOnClassesThat().resideInAPackage("java.util.logging..")
            .because("elf4j is the logging API; java.util.logging is only what the provider writes through");

    @ArchTest
    static final ArchRule elf4jIsTheOneLoggingApi = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.slf4j..", "org.apache.logging..",
                    "org.apache.log4j..", "org.apache.commons.logging..", "ch.qos.logback..", "org.tinylog..",
                    "org.jboss.logging..")
            .orShould().dependOnClassesThat().belongToAnyOf(System.Logger.class, System.LoggerFinder.class)
            .orShould().callMethod(System.class, "getLogger", String.class)
            .orShould().callMethod(System.class, "getLogger", String.class, ResourceBundle.class)
            .because("all of vmscope logs through elf4j.Logger");

    @ArchTest
    static final ArchRule elf4jUtilitiesStayInTheProvider = noClasses().that().resideOutsideOfPackage(LOGGING)
            .should().dependOnClassesThat().resideInAPackage("elf4j.util..")
            .because("elf4j's own utility loggers print to the console");

    @ArchTest
    static final ArchRule viewsDoNoFileIo = noClasses().that().resideInAPackage("dev.vmscope.views..")
            .should().dependOnClassesThat(FILE_IO)
            .allowEmptyShould(true)
            .because("a view renders an immutable value from core; reading files is core's and app's work");
}
