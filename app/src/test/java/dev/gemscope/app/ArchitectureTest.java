package dev.gemscope.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MVVM and threading rules of the app (house-style §5.3), checked on the compiled classes. */
class ArchitectureTest {

    private static JavaClasses app;

    @BeforeAll
    static void importApp() {
        app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.gemscope.app");
    }

    @Test
    void theRulesSeeTheClassesTheyConstrain() {
        // An ArchUnit rule over an empty import passes vacuously: make sure the constrained classes are there.
        for (String pkg : new String[] {"dev.gemscope.app.fx", "dev.gemscope.app.main", "dev.gemscope.app.source",
                "dev.gemscope.app.index"}) {
            assertTrue(app.containPackage(pkg) && !app.getPackage(pkg).getClasses().isEmpty(), pkg + " was not imported");
        }
        assertTrue(app.stream().anyMatch(c -> c.getSimpleName().endsWith("ViewModel")), "no view model was imported");
    }

    @Test
    void onlyTheExecutorHopsThreads() {
        noClasses().that().resideOutsideOfPackage("dev.gemscope.app.fx..")
                .should().accessClassesThat().belongToAnyOf(Platform.class)
                .because("FxTaskExecutor is the one owner of the hop to the FX thread")
                .check(app);
    }

    @Test
    void viewModelsHoldNoControls() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .or().haveSimpleNameEndingWith("Row")
                .or().haveSimpleName("SnapshotDiff").or().haveSimpleName("MemoryHistory")
                .or().resideInAnyPackage("dev.gemscope.app.index..", "dev.gemscope.app.source..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "org.controlsfx..")
                .because("view models are tested without a stage")
                .check(app);
    }
}
