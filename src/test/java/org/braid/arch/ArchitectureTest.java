package org.braid.arch;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.braid.BuildInfo;
import org.braid.Main;
import org.junit.jupiter.api.Test;

/**
 * Every architecture rule, on one import of Braid's classes: the layers point one way, no package
 * cycles, and the parts that must run without a display never touch JavaFX.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.braid");

    /**
     * io -> decode -> analysis -> model <- report, with render beside analysis on top of decode,
     * capture, filter, stream (follow) and compare on top of analysis, and cli and ui at the top; Main starts cli or ui, and
     * BuildInfo serves both.
     */
    @Test
    void layersPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitecture()
                .layer("Main").definedBy(describe("Main", (JavaClass c) -> isOrNestedIn(c, Main.class)))
                .layer("BuildInfo").definedBy(describe("BuildInfo", (JavaClass c) -> isOrNestedIn(c, BuildInfo.class)))
                .layer("IO").definedBy("org.braid.io..")
                .layer("Decode").definedBy("org.braid.decode..")
                .layer("Render").definedBy("org.braid.render..")
                .layer("Analysis").definedBy("org.braid.analysis..")
                .layer("Model").definedBy("org.braid.model..")
                .layer("Report").definedBy("org.braid.report..")
                .layer("Capture").definedBy("org.braid.capture..")
                .layer("Filter").definedBy("org.braid.filter..")
                .layer("Stream").definedBy("org.braid.stream..")
                .layer("Compare").definedBy("org.braid.compare..")
                .layer("Cli").definedBy("org.braid.cli..")
                .layer("Ui").definedBy("org.braid.ui..")

                .whereLayer("IO").mayNotAccessAnyLayer()
                .whereLayer("Decode").mayOnlyAccessLayers("IO")
                .whereLayer("Render").mayOnlyAccessLayers("IO", "Decode")
                .whereLayer("Analysis").mayOnlyAccessLayers("IO", "Decode", "Model")
                .whereLayer("Model").mayNotAccessAnyLayer()
                .whereLayer("Report").mayOnlyAccessLayers("Model", "BuildInfo")
                .whereLayer("Capture").mayOnlyAccessLayers("IO", "Decode", "Analysis", "Model")
                .whereLayer("Filter").mayOnlyAccessLayers("IO", "Decode", "Analysis", "Model")
                .whereLayer("Stream").mayOnlyAccessLayers("IO", "Decode", "Analysis", "Model")
                .whereLayer("Compare").mayOnlyAccessLayers("IO", "Decode", "Analysis", "Model")
                .whereLayer("BuildInfo").mayNotAccessAnyLayer()

                .whereLayer("Render").mayOnlyBeAccessedByLayers("Cli", "Ui")
                .whereLayer("Report").mayOnlyBeAccessedByLayers("Cli", "Ui")
                .whereLayer("Capture").mayOnlyBeAccessedByLayers("Cli", "Ui")
                .whereLayer("Filter").mayOnlyBeAccessedByLayers("Cli", "Ui")
                .whereLayer("Stream").mayOnlyBeAccessedByLayers("Cli", "Ui")
                .whereLayer("Compare").mayOnlyBeAccessedByLayers("Cli", "Ui")
                .whereLayer("Cli").mayOnlyBeAccessedByLayers("Main")
                .whereLayer("Ui").mayOnlyBeAccessedByLayers("Main")
                .whereLayer("Main").mayNotBeAccessedByAnyLayer()
                .check(CLASSES);
    }

    private static boolean isOrNestedIn(JavaClass c, Class<?> top) {
        return c.getName().equals(top.getName()) || c.getName().startsWith(top.getName() + "$");
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.braid.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /** The command line never loads JavaFX; capture, the filter language and the core run headless. */
    @Test
    void headlessPackagesNeverTouchJavaFx() {
        noClasses().that().resideInAnyPackage("org.braid.io..", "org.braid.decode..", "org.braid.render..",
                        "org.braid.analysis..", "org.braid.model..", "org.braid.report..", "org.braid.capture..",
                        "org.braid.filter..", "org.braid.stream..", "org.braid.compare..", "org.braid.cli..",
                        "org.braid.ui.analysis..")
                .or().areAssignableTo(BuildInfo.class)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree..", "org.controlsfx..")
                .check(CLASSES);
    }

    /** The packet list's index and colouring, and Find Packet's search, hold observable lists, but need no scene, stage or FXML. */
    @Test
    void packetModelNeedsNoToolkit() {
        noClasses().that().resideInAnyPackage("org.braid.ui.packets..", "org.braid.ui.find..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.fxml..", "javafx.application..", "org.jfree..", "org.controlsfx..")
                .check(CLASSES);
    }

    @Test
    void viewModelsKnowNoControlsOrControllers() {
        noClasses().that().resideInAPackage("org.braid.ui.viewmodel..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.fxml..",
                        "org.braid.ui.controller..")
                .check(CLASSES);
    }

    /** Files are read by Braid's own readers; pcap4j is for live capture and the benchmark's baseline. */
    @Test
    void filesAreNotReadThroughPcap4j() {
        noClasses().that().resideInAnyPackage("org.braid.io..", "org.braid.decode..", "org.braid.render..",
                        "org.braid.analysis..", "org.braid.model..", "org.braid.report..", "org.braid.filter..",
                        "org.braid.stream..", "org.braid.compare..")
                .should().dependOnClassesThat().resideInAPackage("org.pcap4j..")
                .check(CLASSES);
    }
}
