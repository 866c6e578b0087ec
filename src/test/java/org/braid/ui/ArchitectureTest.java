package org.braid.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The filter language stays headless so the command line can use it; view models never touch controls. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.braid");

    @Test
    void filterIsHeadless() {
        noClasses().that().resideInAPackage("org.braid.filter..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.braid.ui..", "org.braid.cli..")
                .check(CLASSES);
    }

    @Test
    void viewModelsKnowNoControlsOrControllers() {
        noClasses().that().resideInAPackage("org.braid.ui.viewmodel..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.fxml..",
                        "org.braid.ui.controller..")
                .check(CLASSES);
    }
}
