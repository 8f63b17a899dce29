package io.consilium.document.api;

import io.consilium.platform.testing.ApiProbe;
import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.ProbeObjects;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * The platform's probe of every document-service operation in its OpenAPI document (no token 401; NUL, BEL, bidi
 * override and 1 MB strings refused with 4xx problem+json and nothing stored; outsiders 403/404 without a field of
 * the object). The fixture, made only through the topics and the API (no main classes, so package moves leave it
 * alone): a submitted case with its personal doctor, its checklist, an uploaded PDF and a requested specimen; the
 * outsiders are another patient of the insurer, a doctor not assigned, a specialist not invited, and the partner
 * and ops roles, which never see records.
 */
@QuarkusTest
class ApiProbeTest extends ApiProbe {

    @Override
    protected Map<String, Object> sampleValues() {
        // the tus headers make an otherwise valid upload request, so what is judged is the token or the object
        return Map.of("decision", "ACCEPTED",
                "Tus-Resumable", "1.0.0",
                "Upload-Length", "5",
                "Upload-Offset", "0",
                "Upload-Metadata", "filename " + Base64.getEncoder().encodeToString("probe.pdf".getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    protected Map<String, String> allowed() {
        return Map.of("no-token OPTIONS /api/v1/uploads", "tus discovery (Tus-Version, Tus-Max-Size, extensions) is"
                + " public by the tus protocol and names no object");
    }

    @Override
    protected Map<String, String> backgroundTables() {
        return Map.of(
                "case_file", "the case-file consumer: case-service's case events (earlier tests' too)",
                "case_consent", "the case-file consumer: consents granted and revoked",
                "case_specialist", "the case-file consumer: specialist-service's accepted and declined invitations");
    }

    @Override
    protected ProbeObjects objects() {
        String caseId = UUID.randomUUID().toString();
        String tenant = "t-" + UUID.randomUUID();
        String patientId = "p-" + UUID.randomUUID();
        String managerId = "m-" + UUID.randomUUID();
        String patient = Tokens.patient(patientId, tenant);
        String manager = Tokens.caseManager(managerId, tenant);
        try (KafkaCompanion kafka = Broker.companion()) {
            Broker.publish(kafka, "consilium.case.events", "consilium.case.submitted.v1", caseId, tenant, """
                    {"caseId":"%s","tenant":"%s","memberId":"M-1","patientId":"%s","requestedSpecialty":"oncology",
                     "diagnosisIcd10":"C61","urgency":"ROUTINE","preferredLanguage":"es","countryOfResidence":"ES",
                     "reasons":["CONFIRM_DIAGNOSIS"],"questions":["DIAGNOSIS_CORRECT"],"submittedAt":"%s"}
                    """.formatted(caseId, tenant, patientId, Instant.now()));
            Broker.publish(kafka, "consilium.case.events", "consilium.case.manager-assigned.v1", caseId, tenant, """
                    {"caseId":"%s","tenant":"%s","managerId":"%s","previousManagerId":null,"assignedAt":"%s"}
                    """.formatted(caseId, tenant, managerId, Instant.now()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(manager)
                .get("/api/v1/cases/{id}/checklist", caseId).statusCode() == 200);
        String itemId = given().auth().oauth2(manager).get("/api/v1/cases/{id}/checklist", caseId)
                .then().extract().path("items[0].id");
        // a PDF the upload checks accept (PDFBox must read it: a catalog with a page tree)
        byte[] pdf = io.consilium.document.support.Fixtures.pdf(4242);
        String metadata = "filename " + Base64.getEncoder().encodeToString("biopsia-secreta.pdf".getBytes(StandardCharsets.UTF_8));
        String location = given().auth().oauth2(patient).header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", Integer.toString(pdf.length)).header("Upload-Metadata", metadata)
                .when().post("/api/v1/cases/{caseId}/uploads", caseId).then().statusCode(201).extract().header("Location");
        String upload = location.substring(location.indexOf("/api/v1/uploads/"));
        String documentId = given().auth().oauth2(patient).header("Tus-Resumable", "1.0.0").header("Upload-Offset", "0")
                .contentType("application/offset+octet-stream").body(pdf)
                .when().patch(upload).then().statusCode(204).extract().header("Document-Id");
        String specimenId = given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("description", "Paraffin block Z9 secret"))
                .when().post("/api/v1/cases/{id}/specimens", caseId).then().statusCode(201).extract().path("id");
        return ProbeObjects.create()
                .id("caseId", caseId)
                .id("itemId", itemId)
                .id("documentId", documentId)
                .id("specimenId", specimenId)
                .id("uploadId", upload.substring(upload.lastIndexOf('/') + 1))
                .notAnObject("dead-letters/{id}", "dead letters are for ops only, who see every one")
                .outsider("patient", Tokens.patient("p-outsider-" + UUID.randomUUID(), tenant))
                .outsider("case-manager", Tokens.caseManager("m-outsider-" + UUID.randomUUID(), tenant))
                .outsider("specialist", Tokens.specialist("s-outsider-" + UUID.randomUUID()))
                .outsider("partner", Tokens.partner(tenant))
                .outsider("ops", Tokens.ops("ops-outsider"))
                .secret("biopsia-secreta", "Paraffin block Z9 secret", patientId, managerId);
    }
}
