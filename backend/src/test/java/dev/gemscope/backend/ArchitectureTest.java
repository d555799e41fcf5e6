package dev.gemscope.backend;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Layering rules of the backend, checked on the compiled classes. */
class ArchitectureTest {

    private static JavaClasses backend;

    @BeforeAll
    static void importBackend() {
        backend = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.gemscope.backend");
    }

    @Test
    void theRulesSeeTheClassesTheyConstrain() {
        // An ArchUnit rule over an empty import passes vacuously: make sure each constrained package is there.
        for (String pkg : new String[] {"dev.gemscope.backend.drm.jnr", "dev.gemscope.backend.parse.dmabuf",
                "dev.gemscope.backend.cli", "dev.gemscope.backend.model", "dev.gemscope.backend.collect"}) {
            assertTrue(backend.containPackage(pkg) && !backend.getPackage(pkg).getClasses().isEmpty(),
                    pkg + " was not imported");
        }
    }

    @Test
    void backendNeverUsesJavaFx() {
        // The collector must run headless and jlink without JavaFX (house-style §5.3).
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(backend);
    }

    @Test
    void onlyTheJnrPackageTouchesJnr() {
        // The rest of the code sees the drm interfaces; native access stays swappable (house-style §5.4).
        noClasses().that().resideOutsideOfPackage("dev.gemscope.backend.drm.jnr..")
                .should().dependOnClassesThat().resideInAnyPackage("jnr..", "com.kenai.jffi..")
                .check(backend);
    }

    @Test
    void parsersDoNoIo() {
        // Pure parsers take text; reading files is the readers' job, so parsers run on fixtures as-is.
        noClasses().that().resideInAPackage("dev.gemscope.backend.parse..")
                .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.io..")
                .orShould().dependOnClassesThat().resideInAPackage("dev.gemscope.backend.source..")
                .check(backend);
    }

    @Test
    void onlyTheCliWritesToStandardStreams() {
        noClasses().that().resideOutsideOfPackage("dev.gemscope.backend.cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(backend);
    }

    @Test
    void modelDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("dev.gemscope.backend.model..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.gemscope.backend.parse..", "dev.gemscope.backend.source..",
                        "dev.gemscope.backend.collect..", "dev.gemscope.backend.cli..",
                        "dev.gemscope.backend.snapshot..", "com.fasterxml..")
                .check(backend);
    }
}
