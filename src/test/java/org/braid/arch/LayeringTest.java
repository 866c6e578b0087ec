package org.braid.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps dependencies pointing one way: io -> decode -> analysis -> model -> report -> cli, and ui apart. */
class LayeringTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.braid");

    @Test
    void coreNeverTouchesJavaFx() {
        noClasses().that().resideInAnyPackage("org.braid.io..", "org.braid.decode..", "org.braid.analysis..",
                        "org.braid.model..", "org.braid.compare..", "org.braid.report..", "org.braid.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.braid.ui..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void ioKnowsNothingAbove() {
        noClasses().that().resideInAPackage("org.braid.io..")
                .should().dependOnClassesThat().resideInAnyPackage("org.braid.decode..", "org.braid.analysis..",
                        "org.braid.model..", "org.braid.report..", "org.braid.cli..", "org.braid.ui..",
                        "org.braid.capture..")
                .check(CLASSES);
    }

    @Test
    void decodeDependsOnlyOnIo() {
        noClasses().that().resideInAPackage("org.braid.decode..")
                .should().dependOnClassesThat().resideInAnyPackage("org.braid.analysis..", "org.braid.model..",
                        "org.braid.report..", "org.braid.cli..", "org.braid.ui..", "org.braid.capture..")
                .check(CLASSES);
    }

    @Test
    void compareUsesTheAnalysisNotTheReportsOrCommands() {
        noClasses().that().resideInAPackage("org.braid.compare..")
                .should().dependOnClassesThat().resideInAnyPackage("org.braid.report..", "org.braid.cli..",
                        "org.braid.ui..", "org.braid.capture..")
                .check(CLASSES);
    }

    @Test
    void filesAreNotReadThroughPcap4j() {
        noClasses().that().resideInAnyPackage("org.braid.io..", "org.braid.decode..", "org.braid.analysis..",
                        "org.braid.model..", "org.braid.compare..", "org.braid.report..")
                .should().dependOnClassesThat().resideInAPackage("org.pcap4j..")
                .check(CLASSES);
    }
}
