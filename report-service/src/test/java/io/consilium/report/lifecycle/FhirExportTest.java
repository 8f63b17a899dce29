package io.consilium.report.lifecycle;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import io.consilium.platform.testing.Broker;
import io.consilium.report.support.Panel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The FHIR export of a released report is accepted by HAPI FHIR's R4 validator with no errors. */
@QuarkusTest
class FhirExportTest {

    private final KafkaCompanion kafka = Broker.companion();

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void exportOfAReleasedReportValidatesWithoutErrors() {
        Panel p = Panel.released(kafka, "en");
        String report = p.reportIds.get(0);
        String json = given().auth().oauth2(p.patient).get("/api/v1/reports/{id}/fhir", report).then()
                .statusCode(200).contentType("application/fhir+json").extract().asString();

        JsonPath bundle = JsonPath.from(json);
        assertThat(bundle.getString("resourceType")).isEqualTo("Bundle");
        assertThat(bundle.getList("entry.resource.resourceType")).containsExactly("DiagnosticReport", "ServiceRequest",
                "Patient");
        assertThat(bundle.getString("entry[0].resource.status")).isEqualTo("final");
        assertThat(bundle.getString("entry[0].resource.basedOn[0].reference")).isEqualTo("urn:uuid:" + p.caseId);
        assertThat(bundle.getString("entry[0].resource.conclusion")).contains("Active surveillance");
        assertThat(bundle.getString("entry[1].resource.identifier[0].value")).isEqualTo(p.caseId);

        FhirContext ctx = FhirContext.forR4Cached();
        ValidationSupportChain support = new ValidationSupportChain(new DefaultProfileValidationSupport(ctx),
                new InMemoryTerminologyServerValidationSupport(ctx), new CommonCodeSystemsTerminologyService(ctx));
        FhirValidator validator = ctx.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
        ValidationResult result = validator.validateWithResult(json);
        List<SingleValidationMessage> errors = result.getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()).toList();
        assertThat(errors).as(() -> errors.stream().map(m -> m.getLocationString() + ": " + m.getMessage()).toList()
                .toString()).isEmpty();
        // The same validator does refuse a broken export (a DiagnosticReport without its required status).
        ValidationResult broken = validator.validateWithResult(json.replace("\"status\":\"final\",", ""));
        assertThat(broken.getMessages()).anyMatch(m -> m.getSeverity() == ResultSeverityEnum.ERROR);
    }

    @Test
    void theExportIsForReadersOfTheReportOnly() {
        Panel p = Panel.of(2, kafka);
        p.saveDraft(0, Panel.content("CONFIRMED", "NO", "x")).statusCode(200);
        p.submit(0).statusCode(200);
        given().auth().oauth2(p.specialists.get(1)).get("/api/v1/reports/{id}/fhir", p.reportIds.get(0)).then()
                .statusCode(404);
        given().auth().oauth2(p.patient).get("/api/v1/reports/{id}/fhir", p.reportIds.get(0)).then().statusCode(404);
        given().auth().oauth2(p.doctor).get("/api/v1/reports/{id}/fhir", p.reportIds.get(1)).then().statusCode(409);
    }
}
