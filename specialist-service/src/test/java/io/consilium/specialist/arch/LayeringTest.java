package io.consilium.specialist.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.consilium.platform.testing.LayeringRules;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Rules stay where a unit test reaches them: domain and security know nothing of the API, services or consumers. */
class LayeringTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.consilium.specialist");

    @Test
    void packagesFollowTheProjectLayout() {
        LayeringRules.check("io.consilium.specialist");
    }

    @Test
    void domainDependsOnNoOuterLayer() {
        noClasses().that().resideInAPackage("..specialist.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..specialist.api..", "..specialist.service..",
                        "..specialist.consumers..", "..specialist.security..", "jakarta.ws.rs..",
                        "org.eclipse.microprofile.reactive.messaging..")
                .check(CLASSES);
    }

    @Test
    void securityRulesDependOnTheDomainOnly() {
        noClasses().that().resideInAPackage("..specialist.security..")
                .should().dependOnClassesThat().resideInAnyPackage("..specialist.api..", "..specialist.service..",
                        "..specialist.consumers..")
                .check(CLASSES);
    }

    @Test
    void servicesDoNotDependOnTheApi() {
        noClasses().that().resideInAnyPackage("..specialist.service..", "..specialist.consumers..")
                .should().dependOnClassesThat().resideInAPackage("..specialist.api..")
                .check(CLASSES);
    }
}
