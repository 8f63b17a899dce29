package io.consilium.cases.names;

import io.consilium.cases.support.CaseApi;
import io.consilium.cases.support.Coverage;
import io.consilium.cases.support.Intakes;
import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * The access log and the timeline name each actor and their role as the token (or the publishing service's
 * directory) named them at the time, not only a subject; a patient's name only for those who see the case in full.
 */
@QuarkusTest
class ActorNamesTest {

    private final KafkaCompanion kafka = Broker.companion();

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void timelineAndAccessLogNameTheActorsAndTheirRoles() {
        String tenant = "t-" + UUID.randomUUID();
        String patientId = "p-" + UUID.randomUUID();
        String doctorId = "dr-" + UUID.randomUUID();
        Coverage.covered(tenant, Tokens.memberOf(patientId));
        Coverage.manager(doctorId, tenant, 10, "es");
        String patient = Tokens.namedPatient(patientId, tenant, "Ana García");
        String doctor = Tokens.named(doctorId, tenant, "Dr. Carla Ruiz", "case-manager");
        String partner = Tokens.partner(tenant);

        String caseId = CaseApi.open(patient, Intakes.valid(Tokens.memberOf(patientId)));
        CaseApi.submit(patient, caseId).statusCode(200);
        given().auth().oauth2(doctor).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("code", "PATHOLOGY_REPORT", "label", "Pathology report", "required", true))))
                .when().post("/api/v1/cases/{id}/records-requests", caseId).then().statusCode(200);
        given().auth().oauth2(doctor).when().get("/api/v1/cases/{id}", caseId).then().statusCode(200);
        // another service's event names its actor by its own fields (specialist-service: specialistSubject, specialistName)
        UUID declined = UUID.randomUUID();
        send(caseId, tenant, declined, "consilium.specialist.declined.v1", """
                {"caseId":"%s","tenant":"%s","invitationId":"%s","specialistId":"%s","specialistSubject":"sp-ito",
                 "specialistName":"Dr. Kenji Ito","reason":"Away","declinedAt":"2026-12-01T10:00:00Z"}"""
                .formatted(caseId, tenant, UUID.randomUUID(), UUID.randomUUID()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(patient).when().get("/api/v1/cases/{id}/timeline", caseId)
                        .then().statusCode(200)
                        .body("find { it.type == 'consilium.case.submitted.v1' }.actor.name", equalTo("Ana García"))
                        .body("find { it.type == 'consilium.case.submitted.v1' }.actor.role", equalTo("patient"))
                        .body("find { it.type == 'consilium.case.records-requested.v1' }.actor.name", equalTo("Dr. Carla Ruiz"))
                        .body("find { it.type == 'consilium.case.records-requested.v1' }.actor.role", equalTo("case-manager"))
                        .body("find { it.type == 'consilium.case.records-requested.v1' }.actor.subject", equalTo(doctorId))
                        .body("find { it.type == 'consilium.specialist.declined.v1' }.actor.name", equalTo("Dr. Kenji Ito"))
                        .body("find { it.type == 'consilium.specialist.declined.v1' }.actor.role", equalTo("specialist")));

        // the partner sees metadata: the patient acted, not who the patient is; staff by name
        given().auth().oauth2(partner).when().get("/api/v1/cases/{id}/timeline", caseId)
                .then().statusCode(200)
                .body("find { it.type == 'consilium.case.submitted.v1' }.actor.role", equalTo("patient"))
                .body("find { it.type == 'consilium.case.submitted.v1' }.actor.name", nullValue())
                .body("find { it.type == 'consilium.case.submitted.v1' }.actor.subject", nullValue())
                .body("find { it.type == 'consilium.case.records-requested.v1' }.actor.name", equalTo("Dr. Carla Ruiz"))
                .body("actor.name", not(hasItem("Ana García")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(patient).when().get("/api/v1/cases/{id}/access-log", caseId)
                        .then().statusCode(200)
                        .body("items.findAll { it.subject == '%s' }.name".formatted(doctorId), hasItem("Dr. Carla Ruiz"))
                        .body("items.findAll { it.subject == '%s' }.role".formatted(doctorId), hasItem("case-manager"))
                        .body("items.findAll { it.subject == '%s' }.name".formatted(patientId), hasItem("Ana García")));
        // ops read the same log without the patient's name (as on the timeline): they see that a patient acted
        given().auth().oauth2(Tokens.ops("olivia")).when().get("/api/v1/cases/{id}/access-log", caseId)
                .then().statusCode(200)
                .body("items.findAll { it.subject == '%s' }.name".formatted(doctorId), hasItem("Dr. Carla Ruiz"))
                .body("items.name", not(hasItem("Ana García")))
                .body("items.findAll { it.subject == '%s' }.name".formatted(patientId), everyItem(equalTo("patient")));
    }

    @Test
    void documentEventsThatGiveOnlyARoleNameTheCasesPatientOrDoctor() {
        String tenant = "t-" + UUID.randomUUID();
        String patientId = "p-" + UUID.randomUUID();
        String doctorId = "dr-" + UUID.randomUUID();
        Coverage.covered(tenant, Tokens.memberOf(patientId));
        Coverage.manager(doctorId, tenant, 10, "es");
        String patient = Tokens.namedPatient(patientId, tenant, "Ana García");
        String caseId = CaseApi.open(patient, Intakes.valid(Tokens.memberOf(patientId)));
        CaseApi.submit(patient, caseId).statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(patient)
                .when().get("/api/v1/cases/{id}", caseId).then().body("managerId", equalTo(doctorId)));
        // document-service says only who uploaded by role, and the specimen steps are the doctor's
        send("document", caseId, tenant, UUID.randomUUID(), "consilium.document.uploaded.v1", """
                {"caseId":"%s","tenant":"%s","documentId":"%s","kind":"LAB_RESULT","contentType":"application/pdf",
                 "sizeBytes":10,"uploadedByRole":"patient","uploadedAt":"2026-12-01T10:00:00Z"}"""
                .formatted(caseId, tenant, UUID.randomUUID()));
        send("document", caseId, tenant, UUID.randomUUID(), "consilium.document.specimen-shipped.v1", """
                {"caseId":"%s","tenant":"%s","specimenId":"%s","carrier":"World Courier","trackingId":"WC-1",
                 "destinationInstitution":"Wills Eye","shippedAt":"2026-12-01T10:00:00Z"}"""
                .formatted(caseId, tenant, UUID.randomUUID()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(patient).when().get("/api/v1/cases/{id}/timeline", caseId)
                        .then().statusCode(200)
                        .body("find { it.type == 'consilium.document.uploaded.v1' }.actor.role", equalTo("patient"))
                        .body("find { it.type == 'consilium.document.uploaded.v1' }.actor.subject", equalTo(patientId))
                        .body("find { it.type == 'consilium.document.uploaded.v1' }.actor.name", equalTo("Ana Ruiz"))
                        .body("find { it.type == 'consilium.document.specimen-shipped.v1' }.actor.role", equalTo("case-manager"))
                        .body("find { it.type == 'consilium.document.specimen-shipped.v1' }.actor.subject", equalTo(doctorId)));
        // the partner learns that the patient uploaded, not who the patient is
        given().auth().oauth2(Tokens.partner(tenant)).when().get("/api/v1/cases/{id}/timeline", caseId)
                .then().statusCode(200)
                .body("find { it.type == 'consilium.document.uploaded.v1' }.actor.role", equalTo("patient"))
                .body("find { it.type == 'consilium.document.uploaded.v1' }.actor.name", nullValue())
                .body("actor.name", not(hasItem("Ana Ruiz")));
    }

    @Test
    void aTokenWithoutANameIsShownByItsUsername() {
        String tenant = "t-" + UUID.randomUUID();
        String patientId = "p-" + UUID.randomUUID();
        Coverage.covered(tenant, Tokens.memberOf(patientId));
        String patient = Tokens.patient(patientId, tenant);
        String caseId = CaseApi.open(patient, Intakes.valid(Tokens.memberOf(patientId)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(patient).when().get("/api/v1/cases/{id}/access-log", caseId)
                        .then().statusCode(200)
                        .body("items.name", hasItem(patientId))
                        .body("items.role", hasItem("patient")));
    }

    private void send(String caseId, String tenant, UUID id, String type, String value) {
        send("specialist", caseId, tenant, id, type, value);
    }

    private void send(String service, String caseId, String tenant, UUID id, String type, String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(header("ce_specversion", "1.0"));
        headers.add(header("ce_id", id.toString()));
        headers.add(header("ce_type", type));
        headers.add(header("ce_source", "/" + service + "-service"));
        headers.add(header("ce_subject", caseId));
        headers.add(header("ce_time", OffsetDateTime.now().toString()));
        headers.add(header("ce_tenant", tenant));
        headers.add(header("content-type", "application/json"));
        kafka.produceStrings()
                .fromRecords(new ProducerRecord<>("consilium." + service + ".events", null, caseId, value, headers))
                .awaitCompletion(Duration.ofSeconds(20));
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
