package io.consilium.cases.followup;

import io.consilium.cases.support.Journey;
import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * Follow-ups are scheduled once; ids an outcome names must be the case's own (follow-up) and its tenant's
 * (in-network provider).
 */
@QuarkusTest
class FollowUpsTest {

    private static final String PROBLEM = "application/problem+json";

    private final KafkaCompanion kafka = Broker.companion();

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void outcomeNamesOnlyAnInNetworkProviderOfTheCasesTenant() {
        Journey j = Journey.delivered();
        UUID own = announceProvider(j.tenant);
        UUID foreign = announceProvider("t-other-" + UUID.randomUUID());
        List<String> followUps = scheduleFollowUps(j);

        for (Object bad : List.of(foreign.toString(), UUID.randomUUID().toString(), "prov-12")) {
            given().auth().oauth2(j.doctor).contentType(ContentType.JSON)
                    .body(Map.of("treatmentChosen", "Surgery", "opinionFollowed", "YES", "providerId", bad))
                    .when().post("/api/v1/cases/{id}/follow-ups/{f}/outcome", j.caseId, followUps.get(0))
                    .then().statusCode(422).contentType(PROBLEM)
                    .body("violations[0].field", equalTo("providerId"));
        }
        given().auth().oauth2(j.doctor).when().get("/api/v1/cases/{id}/follow-ups", j.caseId)
                .then().statusCode(200).body("[0].recordedAt", nullValue());

        given().auth().oauth2(j.doctor).contentType(ContentType.JSON)
                .body(Map.of("treatmentChosen", "Surgery", "opinionFollowed", "YES", "providerId", own.toString()))
                .when().post("/api/v1/cases/{id}/follow-ups/{f}/outcome", j.caseId, followUps.get(0))
                .then().statusCode(200).body("providerId", equalTo(own.toString()));
    }

    @Test
    void aCodedTreatmentMustBeKnownAndOfferedByTheChosenProvider() {
        Journey j = Journey.delivered();
        UUID brachy = announceProvider(j.tenant, "[\"PLAQUE_BRACHYTHERAPY\",\"ENUCLEATION\"]");
        UUID other = announceProvider(j.tenant, "[\"CHEMOTHERAPY\"]");
        List<String> followUps = scheduleFollowUps(j);
        String outcome = "/api/v1/cases/{id}/follow-ups/{f}/outcome";

        given().auth().oauth2(j.doctor).contentType(ContentType.JSON)
                .body(Map.of("treatmentChosen", "Plaque", "opinionFollowed", "YES", "treatmentCode", "LASER_MAGIC"))
                .when().post(outcome, j.caseId, followUps.get(0))
                .then().statusCode(422).contentType(PROBLEM).body("violations[0].field", equalTo("treatmentCode"));
        given().auth().oauth2(j.doctor).contentType(ContentType.JSON)
                .body(Map.of("treatmentChosen", "Plaque", "opinionFollowed", "YES", "treatmentCode", "PLAQUE_BRACHYTHERAPY",
                        "providerId", other.toString()))
                .when().post(outcome, j.caseId, followUps.get(0))
                .then().statusCode(422).contentType(PROBLEM).body("violations[0].field", equalTo("treatmentCode"));
        given().auth().oauth2(j.doctor).when().get("/api/v1/cases/{id}/follow-ups", j.caseId)
                .then().statusCode(200).body("[0].recordedAt", nullValue());

        given().auth().oauth2(j.doctor).contentType(ContentType.JSON)
                .body(Map.of("treatmentChosen", "Iodine-125 plaque", "opinionFollowed", "YES",
                        "treatmentCode", "PLAQUE_BRACHYTHERAPY", "providerId", brachy.toString()))
                .when().post(outcome, j.caseId, followUps.get(0))
                .then().statusCode(200).body("treatmentCode", equalTo("PLAQUE_BRACHYTHERAPY"))
                .body("providerId", equalTo(brachy.toString()));
    }

    @Test
    void followUpsAreScheduledOnce() {
        Journey j = Journey.delivered();
        scheduleFollowUps(j);
        given().auth().oauth2(j.doctor).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/cases/{id}/follow-ups", j.caseId)
                .then().statusCode(409).contentType(PROBLEM);
        given().auth().oauth2(j.doctor).when().get("/api/v1/cases/{id}/follow-ups", j.caseId)
                .then().statusCode(200).body("$", hasSize(3));
    }

    @Test
    void anotherCasesFollowUpIsNotFound() {
        Journey mine = Journey.delivered();
        Journey other = Journey.delivered();
        scheduleFollowUps(mine);
        List<String> othersFollowUps = scheduleFollowUps(other);
        given().auth().oauth2(mine.doctor).contentType(ContentType.JSON)
                .body(Map.of("treatmentChosen", "Surgery", "opinionFollowed", "YES"))
                .when().post("/api/v1/cases/{id}/follow-ups/{f}/outcome", mine.caseId, othersFollowUps.get(0))
                .then().statusCode(404).contentType(PROBLEM);
    }

    private List<String> scheduleFollowUps(Journey j) {
        return given().auth().oauth2(j.doctor).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/cases/{id}/follow-ups", j.caseId)
                .then().statusCode(201).body("$", hasSize(3)).extract().path("id");
    }

    /** A provider as specialist-service announces it; returns once case-service knows it. */
    private UUID announceProvider(String tenant) {
        UUID id = UUID.randomUUID();
        Broker.publish(kafka, "consilium.specialist.events", UUID.randomUUID(), "consilium.specialist.provider-changed.v1",
                id.toString(), tenant, """
                        {"providerId":"%s","tenant":"%s","kind":"HOSPITAL","specialty":"urology","country":"ES","changedAt":"%s"}"""
                        .formatted(id, tenant, Instant.now()));
        return awaitKnown(id);
    }

    /** A provider announced with the treatments it offers (the event's fields since issue 12). */
    private UUID announceProvider(String tenant, String treatmentsJson) {
        UUID id = UUID.randomUUID();
        Broker.publish(kafka, "consilium.specialist.events", UUID.randomUUID(), "consilium.specialist.provider-changed.v1",
                id.toString(), tenant, """
                        {"providerId":"%s","tenant":"%s","kind":"FACILITY","specialty":"ophthalmology","country":"ES",
                         "treatments":%s,"networks":["premium"],"changedAt":"%s"}"""
                        .formatted(id, tenant, treatmentsJson, Instant.now()));
        return awaitKnown(id);
    }

    private static UUID awaitKnown(UUID id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> io.consilium.cases.domain.NetworkProvider.findById(id) != null));
        return id;
    }
}
