package io.consilium.report.arch;

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
            .importPackages("io.consilium.report");

    @Test
    void packagesFollowTheProjectLayout() {
        LayeringRules.check("io.consilium.report", "output");
    }

    @Test
    void domainDependsOnNoOuterLayer() {
        noClasses().that().resideInAPackage("..report.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..report.api..", "..report.service..",
                        "..report.consumers..", "..report.security..", "..report.output..", "jakarta.ws.rs..",
                        "org.eclipse.microprofile.reactive.messaging..")
                .check(CLASSES);
    }

    @Test
    void securityRulesDependOnTheDomainOnly() {
        noClasses().that().resideInAPackage("..report.security..")
                .should().dependOnClassesThat().resideInAnyPackage("..report.api..", "..report.service..",
                        "..report.consumers..", "..report.output..")
                .check(CLASSES);
    }

    @Test
    void servicesAndConsumersDoNotDependOnTheApi() {
        noClasses().that().resideInAnyPackage("..report.service..", "..report.consumers..", "..report.output..")
                .should().dependOnClassesThat().resideInAPackage("..report.api..")
                .check(CLASSES);
    }
}
