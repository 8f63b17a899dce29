package io.consilium.report.api;

import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.Tokens;
import io.consilium.report.support.Db;
import io.consilium.report.support.Panel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Who reads which report: outsiders get 404 everywhere and change nothing; ops only by break-glass; reads audited. */
@QuarkusTest
class ObjectAccessTest {

    @Inject
    Db db;

    private final KafkaCompanion kafka = Broker.companion();

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void aSpecialistCannotReadAColleaguesReportBeforeRelease() {
        Panel p = Panel.of(2, kafka);
        p.approved(0, "CONFIRMED", "NO", "Surveillance");
        String colleague = p.specialists.get(1);
        for (String path : List.of("", "/versions", "/versions/1", "/pdf?kind=full", "/fhir", "/follow-up-questions")) {
            given().auth().oauth2(colleague).get("/api/v1/reports/{id}" + path, p.reportIds.get(0)).then()
                    .statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo("urn:consilium:problem:not-found"));
        }
        given().auth().oauth2(colleague).get("/api/v1/cases/{id}/reports", p.caseId).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].id", equalTo(p.reportIds.get(1)));
        assertThat(db.count("select count(*) from outbox_event where subject = ?1 and type = "
                + "'consilium.audit.access-recorded.v1' and payload->>'allowed' = 'false'", p.caseId))
                .as("refusals are on record").isGreaterThanOrEqualTo(6);
    }

    @Test
    void outsidersGetNotFoundFromEveryEndpointAndChangeNothing() {
        Panel p = Panel.of(1, kafka);
        String report = p.reportIds.get(0);
        p.saveDraft(0, Panel.content("CONFIRMED", "NO", "Surveillance")).statusCode(200);
        p.submit(0).statusCode(200);
        long events = db.count("select count(*) from outbox_event where subject = ?1 and topic = 'consilium.report.events'",
                p.caseId);
        List<String> outsiders = List.of(Tokens.specialist("sp-outsider"), Tokens.caseManager("dr-outsider", p.tenant),
                Tokens.patient("p-outsider", p.tenant), Tokens.partner(p.tenant), Tokens.ops("ops-1"));
        List<Function<String, Response>> calls = List.of(
                t -> given().auth().oauth2(t).get("/api/v1/reports/{id}", report),
                t -> given().auth().oauth2(t).get("/api/v1/reports/{id}/versions", report),
                t -> given().auth().oauth2(t).get("/api/v1/reports/{id}/pdf", report),
                t -> given().auth().oauth2(t).get("/api/v1/reports/{id}/fhir", report),
                t -> given().auth().oauth2(t).contentType(ContentType.JSON).body(Panel.content("CHANGED", "YES", "x"))
                        .put("/api/v1/reports/{id}/draft", report),
                t -> given().auth().oauth2(t).post("/api/v1/reports/{id}/submit", report),
                t -> given().auth().oauth2(t).post("/api/v1/reports/{id}/approval", report),
                t -> given().auth().oauth2(t).contentType(ContentType.JSON).body(Map.of("comment", "c"))
                        .post("/api/v1/reports/{id}/changes-requests", report),
                t -> given().auth().oauth2(t).get("/api/v1/cases/{id}/reports", p.caseId),
                t -> given().auth().oauth2(t).get("/api/v1/cases/{id}/consolidation", p.caseId));
        for (String token : outsiders) {
            for (Function<String, Response> call : calls) {
                int status = call.apply(token).statusCode();
                // 403 only where the role may never call the endpoint at all (e.g. a partner saving a draft).
                assertThat(status).isIn(403, 404);
            }
            given().auth().oauth2(token).get("/api/v1/reports/{id}", report).then().statusCode(404);
        }
        given().auth().oauth2(p.doctor).get("/api/v1/reports/{id}", report).then().statusCode(200)
                .body("state", equalTo("SUBMITTED")).body("content.recommendedTreatment", equalTo("Surveillance"));
        assertThat(db.count("select count(*) from outbox_event where subject = ?1 and topic = 'consilium.report.events'",
                p.caseId)).isEqualTo(events);
        given().get("/api/v1/reports/{id}", report).then().statusCode(401);
        given().auth().oauth2(p.doctor).get("/api/v1/reports/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void opsReadAReportOnlyByBreakGlassWithTheReasonAudited() {
        Panel p = Panel.of(1, kafka);
        String report = p.reportIds.get(0);
        String ops = Tokens.ops("ops-7");
        given().auth().oauth2(ops).get("/api/v1/reports/{id}", report).then().statusCode(404);
        given().auth().oauth2(ops).header("X-Break-Glass-Reason", "short").get("/api/v1/reports/{id}", report).then()
                .statusCode(400).body("violations[0].field", equalTo("X-Break-Glass-Reason"));
        given().auth().oauth2(ops).header("X-Break-Glass-Reason", "Patient complaint INC-4711 needs review")
                .get("/api/v1/reports/{id}", report).then().statusCode(200).body("state", equalTo("DRAFT"));
        assertThat(db.count("select count(*) from outbox_event where subject = ?1 and payload->>'purpose' = "
                + "'break-glass: Patient complaint INC-4711 needs review' and payload->>'subject' = 'ops-7'", p.caseId))
                .isEqualTo(1);
    }

    @Test
    void everyReadIsAudited() {
        Panel p = Panel.of(1, kafka);
        long before = db.count("select count(*) from outbox_event where subject = ?1 and payload->>'action' = 'READ'"
                + " and payload->>'allowed' = 'true' and payload->>'subject' = ?2", p.caseId, p.subjects.get(0));
        given().auth().oauth2(p.specialists.get(0)).get("/api/v1/reports/{id}", p.reportIds.get(0)).then().statusCode(200);
        assertThat(db.count("select count(*) from outbox_event where subject = ?1 and payload->>'action' = 'READ'"
                + " and payload->>'allowed' = 'true' and payload->>'subject' = ?2", p.caseId, p.subjects.get(0)))
                .isEqualTo(before + 1);
    }
}
