package io.consilium.cases.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consilium.cases.events.CaseEvents;
import io.consilium.cases.support.Journey;
import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * Review requests that name their seats and country rules, carried to specialist-service with the plan's deadlines
 * for the case's urgency; rules the plan, the consent or each other cannot meet are refused and change nothing.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ReviewSeatsTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String REVIEW_REQUESTED = "consilium.case.review-requested.v1";

    private final KafkaCompanion kafka = Broker.companion();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void close() {
        kafka.close();
    }

    private static ValidatableResponse requestReview(Journey j, Object body) {
        return given().auth().oauth2(j.doctor).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases/{id}/review-requests", j.caseId).then();
    }

    private JsonNode reviewRequested(String caseId) throws Exception {
        List<ConsumerRecord<String, String>> records = Broker.readUntil(kafka, CaseEvents.TOPIC,
                seen -> seen.stream().anyMatch(r -> caseId.equals(r.key()) && REVIEW_REQUESTED.equals(typeOf(r))),
                Duration.ofSeconds(30));
        return json.readTree(records.stream().filter(r -> caseId.equals(r.key()) && REVIEW_REQUESTED.equals(typeOf(r)))
                .findFirst().orElseThrow().value());
    }

    private static String typeOf(ConsumerRecord<String, String> r) {
        return new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }

    @Test
    void mrLeesReviewAsksForOneDermatologistAndOneAllergist() throws Exception {
        Journey j = Journey.readyForReview(Map.of("coveredSpecialties", List.of("urology", "dermatology", "allergy-immunology")),
                Map.of());

        requestReview(j, Map.of("seats", List.of(Map.of("specialty", "dermatology", "focus", "L50.0"),
                Map.of("specialty", "allergy-immunology"))))
                .statusCode(200)
                .body("panelSize", equalTo(2))
                .body("reviewSeats.specialty", contains("dermatology", "allergy-immunology"))
                .body("reviewSeats[0].focus", equalTo("L50.0"));

        JsonNode event = reviewRequested(j.caseId);
        assertThat(event.get("panelSize").asInt()).isEqualTo(2);
        assertThat(event.get("requestedSpecialty").asText()).as("the first seat's, for older consumers").isEqualTo("dermatology");
        assertThat(event.get("seats")).extracting(s -> s.get("seat").asInt() + ":" + s.get("specialty").asText())
                .containsExactly("1:dermatology", "2:allergy-immunology");
        assertThat(event.get("seats").get(0).get("focus").asText()).isEqualTo("L50.0");
        assertThat(event.get("acceptWithinHours").asInt()).as("the plan's routine default").isEqualTo(48);
        assertThat(event.get("reportWithinHours").asInt()).isEqualTo(168);
        assertThat(event.get("minOutsideResidence").asInt()).isZero();
    }

    @Test
    void ajsReviewAsksForTwoExpertsOutsideSpainUnderThePlansUrgentDeadlines() throws Exception {
        Journey j = Journey.readyForReview(Map.of(
                "coveredSpecialties", List.of("urology", "ophthalmic-oncology"),
                "allowedSpecialistCountries", List.of("US", "ES", "DE"),
                "deadlines", Map.of("urgent", Map.of("acceptWithinHours", 12, "reportWithinHours", 48),
                        "routine", Map.of("acceptWithinHours", 48, "reportWithinHours", 120))),
                Map.of("urgency", "URGENT", "requestedSpecialty", "ophthalmic-oncology"));
        Map<String, Object> seat = Map.of("specialty", "ophthalmic-oncology", "focus", "C69.3");

        requestReview(j, Map.of("seats", List.of(seat, seat, seat),
                "countryRules", Map.of("minOutsideResidence", 2, "allowed", List.of("US", "ES"))))
                .statusCode(200)
                .body("panelSize", equalTo(3))
                .body("reviewCountries.allowed", contains("US", "ES"))
                .body("reviewCountries.minOutsideResidence", equalTo(2));

        JsonNode event = reviewRequested(j.caseId);
        assertThat(event.get("urgency").asText()).isEqualTo("URGENT");
        assertThat(event.get("allowedCountries")).extracting(JsonNode::asText).containsExactly("US", "ES");
        assertThat(event.get("minOutsideResidence").asInt()).isEqualTo(2);
        assertThat(event.get("countryOfResidence").asText()).isEqualTo("ES");
        assertThat(event.get("acceptWithinHours").asInt()).isEqualTo(12);
        assertThat(event.get("reportWithinHours").asInt()).isEqualTo(48);
        assertThat(event.get("seats")).hasSize(3);
    }

    @Test
    void rulesThatCannotBeMetAreRefusedNamingTheFieldAndChangeNothing() {
        Journey j = Journey.readyForReview(Map.of("coveredSpecialties", List.of("urology", "dermatology"),
                "allowedSpecialistCountries", List.of("US", "ES"), "maxPanelSize", 2), Map.of());
        Map<String, Object> urology = Map.of("specialty", "urology");

        requestReview(j, Map.of("seats", List.of(urology), "countryRules", Map.of("allowed", List.of("FR"))))
                .statusCode(422).contentType(PROBLEM).body("violations.field", hasItem("countryRules.allowed"));
        requestReview(j, Map.of("seats", List.of(urology), "countryRules", Map.of("allowed", List.of("US"), "excluded", List.of("US"))))
                .statusCode(422).contentType(PROBLEM).body("violations.field", hasItem("countryRules.excluded"));
        requestReview(j, Map.of("seats", List.of(urology, urology), "countryRules", Map.of("minOutsideResidence", 3)))
                .statusCode(422).contentType(PROBLEM).body("violations.field", hasItem("countryRules.minOutsideResidence"));
        requestReview(j, Map.of("seats", List.of(urology), "countryRules", Map.of("minOutsideResidence", 1, "allowed", List.of("ES"))))
                .statusCode(422).contentType(PROBLEM).body("violations.field", hasItem("countryRules.minOutsideResidence"));
        requestReview(j, Map.of("seats", List.of(urology, Map.of("specialty", "allergy-immunology"))))
                .statusCode(422).contentType(PROBLEM).body("violations.field", hasItem("seats[1].specialty"));
        requestReview(j, Map.of("seats", List.of(urology, urology, urology)))
                .statusCode(422).contentType(PROBLEM).body("violations.field", hasItem("seats"));
        requestReview(j, Map.of("seats", List.of(urology), "panelSize", 2))
                .statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("panelSize"));
        requestReview(j, Map.of("seats", List.of(Map.of("specialty", "urology", "focus", "not a code!"))))
                .statusCode(400).contentType(PROBLEM);
        requestReview(j, Map.of()).statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("panelSize"));

        given().auth().oauth2(j.doctor).when().get("/api/v1/cases/{id}", j.caseId).then().statusCode(200)
                .body("state", equalTo("READY_FOR_REVIEW")).body("reviewRequestedAt", nullValue())
                .body("reviewSeats", nullValue());

        requestReview(j, Map.of("seats", List.of(urology, Map.of("specialty", "dermatology")),
                "countryRules", Map.of("minOutsideResidence", 1, "excluded", List.of("ES"))))
                .statusCode(200).body("reviewCountries.allowed", contains("US"))
                .body("reviewCountries.excluded", contains("ES"));
    }

    @Test
    void aPlanShowsItsDeadlinesPerUrgencyAndRefusesAnUrgentLaneSlowerThanTheRoutineOne() {
        String tenant = "t-" + java.util.UUID.randomUUID();
        Map<String, Object> plan = new java.util.HashMap<>(Map.of("tenant", tenant, "name", "Gold",
                "coveredSpecialties", List.of("urology"), "opinionsPerMemberPerYear", 3,
                "recordsSlaBusinessDays", 5, "reviewSlaBusinessDays", 10, "maxPanelSize", 3, "active", true));
        plan.put("deadlines", Map.of("urgent", Map.of("acceptWithinHours", 72, "reportWithinHours", 48),
                "routine", Map.of("acceptWithinHours", 48, "reportWithinHours", 120)));
        given().auth().oauth2(Tokens.ops("ops-1")).contentType(ContentType.JSON).body(plan)
                .when().post("/api/v1/plans").then().statusCode(422).contentType(PROBLEM)
                .body("violations.field", contains("deadlines.urgent.acceptWithinHours"));

        plan.remove("deadlines");
        given().auth().oauth2(Tokens.ops("ops-1")).contentType(ContentType.JSON).body(plan)
                .when().post("/api/v1/plans").then().statusCode(201)
                .body("deadlines.urgent.acceptWithinHours", equalTo(24))
                .body("deadlines.urgent.reportWithinHours", equalTo(72))
                .body("deadlines.routine.acceptWithinHours", equalTo(48))
                .body("deadlines.routine.reportWithinHours", equalTo(168));
    }
}
