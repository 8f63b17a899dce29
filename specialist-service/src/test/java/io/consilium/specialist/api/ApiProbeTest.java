package io.consilium.specialist.api;

import io.consilium.platform.testing.ApiProbe;
import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.ProbeObjects;
import io.consilium.platform.testing.Tokens;
import io.consilium.specialist.support.Directory;
import io.consilium.specialist.support.Panels;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * The platform's probe of every specialist-service operation in its OpenAPI document (no token 401; NUL, BEL, bidi
 * override and 1 MB strings refused with 4xx problem+json and nothing stored; outsiders 403/404 without a field of
 * the object). The fixture: a case reviewed by a panel of one, its invitation, and an in-network provider; the
 * outsiders are a specialist who was not invited and a partner and a personal doctor of another tenant.
 */
@QuarkusTest
class ApiProbeTest extends ApiProbe {

    @Override
    protected Set<String> rowReports() {
        // the bulk import answers 200 with the rejected rows and their violations, imports the others
        return Set.of("POST /api/v1/specialists/import");
    }

    @Override
    protected Map<String, String> backgroundTables() {
        return Map.of(
                "panel_request", "CaseEventsConsumer: review requests of case-service (earlier tests' events too)",
                "case_consent", "CaseEventsConsumer: consents granted and revoked",
                "ended_case", "CaseEventsConsumer: cases cancelled or closed",
                "case_checklist", "DocumentEventsConsumer: document-service's checklists (other modules' tests too)");
    }

    @Override
    protected ProbeObjects objects() {
        String tenant = "t-" + UUID.randomUUID();
        String caseId = UUID.randomUUID().toString();
        String specialty = Directory.uniqueSpecialty();
        String subject = "sp-" + UUID.randomUUID();
        Directory.create(Directory.entry(subject, specialty));
        try (KafkaCompanion kafka = Broker.companion()) {
            Panels.publish(kafka, UUID.randomUUID(), Panels.REVIEW_REQUESTED, caseId, tenant,
                    Panels.reviewRequest(caseId, tenant, specialty, 1));
        }
        String invitationId = String.valueOf(Panels.awaitInvitations(caseId, 1).get(0).get("id"));
        String providerId = given().auth().oauth2(Tokens.ops("ops-1")).contentType(ContentType.JSON)
                .body(Map.of("tenant", tenant, "kind", "FACILITY", "name", "Clinica Probe Secreta", "specialty", "urology",
                        "city", "Zaragoza", "country", "ES", "languages", List.of("es")))
                .when().post("/api/v1/providers").then().statusCode(201).extract().path("id");
        return ProbeObjects.create()
                .id("caseId", caseId)
                .id("invitations/{id}", invitationId)
                .id("providers/{id}", providerId)
                .notAnObject("specialists/{id}", "the directory is ops-only, and ops see every entry")
                .notAnObject("dead-letters/{id}", "dead letters are for ops only, who see every one (DeadLettersTest)")
                .outsider("specialist", Tokens.specialist("sp-outsider-" + UUID.randomUUID()))
                .outsider("partner", Tokens.partner("t-outsider-" + UUID.randomUUID()))
                .outsider("case-manager", Tokens.caseManager("dr-outsider-" + UUID.randomUUID(), "t-outsider-" + UUID.randomUUID()))
                .outsider("patient", Tokens.patient("p-outsider-" + UUID.randomUUID(), tenant))
                .secret(subject, "Dr. " + subject, "Institute " + subject, "Hospital Central", "Clinica Probe Secreta");
    }
}
