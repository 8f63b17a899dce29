package io.consilium.specialist.panels;

import com.fasterxml.jackson.databind.JsonNode;
import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.Tokens;
import io.consilium.specialist.support.Directory;
import io.consilium.specialist.support.Panels;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Issue 12, item 1 in specialist-service, from case- and document-service's events on the real topics: the invited
 * specialists of Mr. Lee's panel decide on a summary with his questions (his own one included), read the full brief
 * once accepted and while his consent holds, every read audited; revocation and the case's end cut it off.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class BriefFlowTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String OWN_ID = UUID.randomUUID().toString();
    private static final String OWN = "¿Puede ser el gel de ducha lo que me provoca el picor?";
    private static final String TRANSLATION = "Could the shower gel be what makes me itch?";

    private final KafkaCompanion kafka = Broker.companion();
    private final String specialty = Directory.uniqueSpecialty();
    private final String tenant = "t-" + UUID.randomUUID();
    private final String caseId = UUID.randomUUID().toString();

    @AfterEach
    void close() {
        kafka.close();
    }

    private Map<String, Object> brief(String history, Instant changedAt) {
        Map<String, Object> own = new HashMap<>();
        own.put("questionId", OWN_ID);
        own.put("kind", "OWN");
        own.put("text", OWN);
        own.put("language", "es");
        own.put("translation", TRANSLATION);
        own.put("translationLanguage", "en");
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", caseId);
        body.put("tenant", tenant);
        body.put("requestedSpecialty", specialty);
        body.put("urgency", "URGENT");
        body.put("patientLanguage", "es");
        body.put("reasons", List.of("CONFIRM_DIAGNOSIS", "NOT_RESPONDING_TO_TREATMENT"));
        body.put("questions", List.of(Map.of("questionId", "DIAGNOSIS_CORRECT", "kind", "STANDARD"), own));
        body.put("diagnosisText", "Food allergy with chronic urticaria");
        body.put("diagnosisIcd10", "L50.0");
        body.put("proposedTreatment", "Strict elimination diet");
        body.put("history", history);
        body.put("treatingInstitution", "Hospital Central");
        body.put("ageBand", "AGE_40_59");
        body.put("sex", "MALE");
        body.put("changedAt", changedAt.toString());
        return body;
    }

    private static final String LABS_ITEM = UUID.randomUUID().toString();

    /** {@code checklist-changed} as document-service's ChecklistChanged writes it; revision 1 is the first build. */
    private Map<String, Object> checklist(long revision, boolean later) {
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(item(LABS_ITEM, "LAB_RESULTS", "RECORD", "IgE panels", List.of("SPECIALTY", "REQUEST"),
                later ? "ACCEPTED" : "PENDING", later ? "RECEIVED" : "REQUESTED"));
        items.add(item(UUID.randomUUID().toString(), "MEDICAL_REPORT", "RECORD", "Dermatologist's report",
                List.of("SPECIALTY"), later ? "WAIVED" : "PENDING", later ? "WAIVED" : "REQUESTED"));
        if (later) {
            items.add(item(UUID.randomUUID().toString(), "PATCH_TEST", "RECORD", "Patch test results",
                    List.of("REQUEST"), "PENDING", "REQUESTED"));
            items.add(item(UUID.randomUUID().toString(), "SPECIMEN_1", "SPECIMEN", "Specimen: skin biopsy",
                    List.of("SPECIMEN"), "PENDING", "REQUESTED"));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", caseId);
        body.put("tenant", tenant);
        body.put("revision", revision);
        body.put("complete", false);
        body.put("openItems", List.of());
        body.put("waivedItems", later ? List.of("MEDICAL_REPORT") : List.of());
        body.put("items", items);
        body.put("changedAt", Instant.now().toString());
        return body;
    }

    private static Map<String, Object> item(String id, String code, String kind, String label, List<String> sources,
                                            String state, String status) {
        return Map.of("itemId", id, "code", code, "kind", kind, "label", label, "required", true,
                "sources", sources, "state", state, "status", status);
    }

    private void publishDocument(String type, Map<String, Object> body) throws Exception {
        Broker.publish(kafka, "consilium.document.events", type, caseId, tenant,
                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body));
    }

    @Test
    void mrLeesPanelDecidesOnTheSummaryAndReadsTheFullBriefOnlyWhileTheConsentHolds() throws Exception {
        String dermatologist = "s-derm-" + UUID.randomUUID();
        String allergist = "s-allergy-" + UUID.randomUUID();
        Directory.create(Directory.entry(dermatologist, specialty));
        Directory.create(Directory.entry(allergist, specialty));
        Instant first = Instant.now().minusSeconds(60);
        // as case-service publishes them: the brief first, then the review request
        // the doctor's own request names a twin of the plan's item; document-service merges them (RecordKinds)
        Panels.publish(kafka, UUID.randomUUID(), "consilium.case.records-requested.v1", caseId, tenant,
                Map.of("caseId", caseId, "items", List.of(Map.of("code", "LAB_RESULT", "label", "IgE panels", "required", true))));
        Panels.publish(kafka, UUID.randomUUID(), "consilium.case.brief-changed.v1", caseId, tenant,
                brief("Rashes for two years.", first));
        Map<String, Object> review = Panels.reviewRequest(caseId, tenant, specialty, 2);
        review.put("diagnosisIcd10", "L50.0");
        Panels.publish(kafka, UUID.randomUUID(), Panels.REVIEW_REQUESTED, caseId, tenant, review);
        List<Map<String, Object>> invitations = Panels.awaitInvitations(caseId, 2);
        String documentId = UUID.randomUUID().toString();
        String rejectedId = UUID.randomUUID().toString();
        for (String id : List.of(documentId, rejectedId)) {
            publishDocument("consilium.document.uploaded.v1", Map.of("caseId", caseId, "documentId", id,
                    "kind", "LAB_RESULT", "contentType", "application/pdf", "sizeBytes", 1024,
                    "uploadedAt", Instant.now().toString()));
        }
        publishDocument("consilium.document.rejected.v1", Map.of("caseId", caseId, "documentId", rejectedId,
                "reason", "REVIEW", "rejectedAt", Instant.now().toString()));
        // document-service's one checklist: the plan's defaults, the doctor's request merged into one of them, a
        // waiver and a specimen; then an older revision arriving late, which must change nothing
        publishDocument("consilium.document.checklist-changed.v1", checklist(2, true));
        publishDocument("consilium.document.checklist-changed.v1", checklist(1, false));

        List<String> subjects = new ArrayList<>();
        for (Map<String, Object> invitation : invitations) {
            String subject = (String) invitation.get("specialistSubject");
            subjects.add(subject);
            String token = Tokens.specialist(subject);
            // the summary to decide on: specialty, condition, urgency, questions, deadline; nothing identifying
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().auth().oauth2(token).when().get("/api/v1/cases/{id}/summary", caseId)
                            .then().statusCode(200).body("visibility", equalTo("SUMMARY"))
                            .body("urgency", equalTo("URGENT"))
                            .body("diagnosisIcd10", equalTo("L50.0"))
                            .body("invitation.deadline", not(nullValue()))
                            .body("questions.questionId", equalTo(List.of("DIAGNOSIS_CORRECT", OWN_ID)))
                            .body("questions[1].text", equalTo(OWN))
                            .body("questions[1].translation", equalTo(TRANSLATION))
                            .body("history", nullValue()).body(not(containsString("Hospital Central"))));
            // no brief before accepting
            given().auth().oauth2(token).when().get("/api/v1/invitations/{id}/brief", invitation.get("id"))
                    .then().statusCode(404).contentType(PROBLEM);
            given().auth().oauth2(token).when().post("/api/v1/invitations/{id}/accept", invitation.get("id"))
                    .then().statusCode(200);
            // accepted, but no consent yet
            given().auth().oauth2(token).when().get("/api/v1/invitations/{id}/brief", invitation.get("id"))
                    .then().statusCode(404).contentType(PROBLEM);
        }
        assertThat(subjects).containsExactlyInAnyOrder(dermatologist, allergist);

        String consentId = UUID.randomUUID().toString();
        Panels.publish(kafka, UUID.randomUUID(), "consilium.case.consent-granted.v1", caseId, tenant,
                Map.of("caseId", caseId, "consentId", consentId, "purpose", "RECORDS_TO_SPECIALISTS",
                        "specialistSubjects", List.of(), "countries", List.of(), "grantedAt", Instant.now().toString()));
        for (Map<String, Object> invitation : invitations) {
            String token = Tokens.specialist((String) invitation.get("specialistSubject"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().auth().oauth2(token).when().get("/api/v1/invitations/{id}/brief", invitation.get("id"))
                            .then().statusCode(200)
                            .body("caseId", equalTo(caseId))
                            .body("urgency", equalTo("URGENT"))
                            .body("reasons", equalTo(List.of("CONFIRM_DIAGNOSIS", "NOT_RESPONDING_TO_TREATMENT")))
                            .body("questions[1].questionId", equalTo(OWN_ID))
                            .body("questions[1].text", equalTo(OWN))
                            .body("questions[1].language", equalTo("es"))
                            .body("questions[1].translation", equalTo(TRANSLATION))
                            .body("diagnosis.text", equalTo("Food allergy with chronic urticaria"))
                            .body("diagnosis.icd10Code", equalTo("L50.0"))
                            .body("proposedTreatment", equalTo("Strict elimination diet"))
                            .body("history", equalTo("Rashes for two years."))
                            .body("treatingInstitution", equalTo("Hospital Central"))
                            .body("ageBand", equalTo("AGE_40_59")).body("sex", equalTo("MALE"))
                            .body("checklist.code", equalTo(List.of("LAB_RESULTS", "MEDICAL_REPORT", "PATCH_TEST",
                                    "SPECIMEN_1")))
                            .body("checklist.status", equalTo(List.of("RECEIVED", "WAIVED", "REQUESTED", "REQUESTED")))
                            .body("checklist.kind", equalTo(List.of("RECORD", "RECORD", "RECORD", "SPECIMEN")))
                            .body("checklist[0].itemId", equalTo(LABS_ITEM))
                            .body("checklist[0].label", equalTo("IgE panels"))
                            .body("checklist[0].sources", equalTo(List.of("SPECIALTY", "REQUEST")))
                            .body("checklist[1].sources", equalTo(List.of("SPECIALTY")))
                            .body("checklist[3].label", equalTo("Specimen: skin biopsy"))
                            .body("records.documentId", equalTo(List.of(documentId)))
                            .body("$", not(hasKey("memberId"))).body("$", not(hasKey("patientId")))
                            .body("$", not(hasKey("tenant"))));
            // a colleague's invitation is not theirs
            Object other = invitations.stream().filter(i -> i != invitation).findFirst().orElseThrow().get("id");
            given().auth().oauth2(token).when().get("/api/v1/invitations/{id}/brief", other)
                    .then().statusCode(404).contentType(PROBLEM);
        }
        Object dermInvitation = invitations.stream().filter(i -> dermatologist.equals(i.get("specialistSubject")))
                .findFirst().orElseThrow().get("id");
        String derm = Tokens.specialist(dermatologist);

        // a later change replaces the brief; an older one arriving late does not
        Panels.publish(kafka, UUID.randomUUID(), "consilium.case.brief-changed.v1", caseId, tenant,
                brief("Rashes for two years; worse after showers.", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(derm).when().get("/api/v1/invitations/{id}/brief", dermInvitation)
                        .then().statusCode(200).body("history", equalTo("Rashes for two years; worse after showers.")));
        Panels.publish(kafka, UUID.randomUUID(), "consilium.case.brief-changed.v1", caseId, tenant,
                brief("stale", first));

        // every read audited, refusals too
        List<ConsumerRecord<String, String>> audit = Broker.readUntil(kafka, "consilium.audit", seen -> seen.stream()
                .filter(r -> caseId.equals(r.key()) && r.value().contains("READ_BRIEF")).map(r -> Broker.json(r.value()))
                .filter(j -> j.get("allowed").asBoolean()).count() >= 3, Duration.ofSeconds(30));
        List<JsonNode> briefReads = audit.stream().filter(r -> caseId.equals(r.key()) && r.value().contains("READ_BRIEF"))
                .map(r -> Broker.json(r.value())).toList();
        assertThat(briefReads).anyMatch(j -> !j.get("allowed").asBoolean());
        assertThat(briefReads).anyMatch(j -> j.get("allowed").asBoolean() && dermatologist.equals(j.get("subject").asText()));

        // revocation cuts it off at once, the case's end too
        Panels.publish(kafka, UUID.randomUUID(), "consilium.case.consent-revoked.v1", caseId, tenant,
                Map.of("caseId", caseId, "consentId", consentId, "purpose", "RECORDS_TO_SPECIALISTS",
                        "revokedAt", Instant.now().toString()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(derm).when().get("/api/v1/invitations/{id}/brief", dermInvitation)
                        .then().statusCode(404).contentType(PROBLEM));
        assertThat(given().auth().oauth2(derm).when().get("/api/v1/invitations/{id}/brief", dermInvitation).asString())
                .doesNotContain("stale", "gel de ducha");
        // nor does the summary keep the patient's own words for an accepted specialist without consent
        given().auth().oauth2(derm).when().get("/api/v1/cases/{id}/summary", caseId)
                .then().statusCode(200).body("visibility", equalTo("SUMMARY"))
                .body("questions.questionId", equalTo(List.of("DIAGNOSIS_CORRECT")))
                .body(not(containsString(OWN)));
        String again = UUID.randomUUID().toString();
        Panels.publish(kafka, UUID.randomUUID(), "consilium.case.consent-granted.v1", caseId, tenant,
                Map.of("caseId", caseId, "consentId", again, "purpose", "RECORDS_TO_SPECIALISTS",
                        "specialistSubjects", List.of(), "countries", List.of(), "grantedAt", Instant.now().toString()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(derm).when().get("/api/v1/invitations/{id}/brief", dermInvitation)
                        .then().statusCode(200).body("history", equalTo("Rashes for two years; worse after showers.")));
        Panels.publish(kafka, UUID.randomUUID(), "consilium.case.closed.v1", caseId, tenant,
                Map.of("caseId", caseId, "closedAt", Instant.now().toString()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(derm).when().get("/api/v1/invitations/{id}/brief", dermInvitation)
                        .then().statusCode(404).contentType(PROBLEM));
    }

    @Test
    void aSpecialistWhoDeclinedHasNoBrief() {
        String subject = "s-" + UUID.randomUUID();
        Directory.create(Directory.entry(subject, specialty));
        Panels.publish(kafka, UUID.randomUUID(), "consilium.case.brief-changed.v1", caseId, tenant,
                brief("Rashes for two years.", Instant.now()));
        Panels.publish(kafka, UUID.randomUUID(), "consilium.case.consent-granted.v1", caseId, tenant,
                Map.of("caseId", caseId, "consentId", UUID.randomUUID().toString(), "purpose", "RECORDS_TO_SPECIALISTS",
                        "specialistSubjects", List.of(), "countries", List.of(), "grantedAt", Instant.now().toString()));
        Panels.publish(kafka, UUID.randomUUID(), Panels.REVIEW_REQUESTED, caseId, tenant,
                Panels.reviewRequest(caseId, tenant, specialty, 1));
        Object id = Panels.awaitInvitations(caseId, 1).get(0).get("id");
        String token = Tokens.specialist(subject);
        given().auth().oauth2(token).contentType("application/json").body(Map.of("reason", "Conflict of schedule"))
                .when().post("/api/v1/invitations/{id}/decline", id).then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/v1/invitations/{id}/brief", id)
                .then().statusCode(404).contentType(PROBLEM).body(not(containsString("Rashes")));
        given().auth().oauth2(Tokens.ops("ops-1")).when().get("/api/v1/invitations/{id}/brief", id)
                .then().statusCode(403);
    }
}
