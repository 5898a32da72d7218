package io.writeback;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package map of docs/architecture.md, held: one direction of dependency, the kernel at the bottom. */
class ArchitectureTest {

    private static final JavaClasses WRITEBACK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.writeback");

    @Test
    void packagesDependOnEachOtherInOneDirectionOnly() {
        slices().matching("io.writeback.(*)..").should().beFreeOfCycles().check(WRITEBACK);
    }

    @Test
    void theKernelKnowsNoOtherPackageOfWriteback() {
        noClasses().that().resideInAPackage("io.writeback.kernel..")
                .should().dependOnClassesThat(resideInAPackage("io.writeback..").and(not(resideInAPackage("io.writeback.kernel.."))))
                .check(WRITEBACK);
    }

    @Test
    void talkingToAConnectionKnowsNothingOfSyncsOrDelivery() {
        noClasses().that().resideInAPackage("io.writeback.connection..")
                .should().dependOnClassesThat(resideInAPackage("io.writeback..")
                        .and(not(resideInAnyPackage("io.writeback.connection..", "io.writeback.kernel.."))))
                .check(WRITEBACK);
    }

    @Test
    void stagesReachNeitherTheComponentNorTheRunsAbove() {
        noClasses().that().resideInAnyPackage("io.writeback.source..", "io.writeback.mapping..", "io.writeback.transform..",
                        "io.writeback.plan..", "io.writeback.delivery..")
                .should().dependOnClassesThat().resideInAnyPackage("io.writeback.component..", "io.writeback.sync..",
                        "io.writeback.run..", "io.writeback.api..")
                .check(WRITEBACK);
    }
}
