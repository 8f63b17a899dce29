package io.consilium.specialist.panels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.TestClock;
import io.consilium.platform.testing.Tokens;
import io.consilium.specialist.service.InvitationExpiry;
import io.consilium.specialist.support.Directory;
import io.consilium.specialist.support.Panels;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Panels of seats on the real topics: each seat filled from its own specialty, the country rule kept for the panel
 * as a whole, a decline or an expiry refilling that seat only, the plan's urgent deadlines and one reminder, under
 * the controllable clock. The two seed stories: Mr. Lee's dermatologist and allergist; AJ's two American and one
 * Spanish ophthalmic oncologists.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SeatedPanelsTest {

    @Inject
    TestClock clock;
    @Inject
    InvitationExpiry expiry;

    private final KafkaCompanion kafka = Broker.companion();
    private final ObjectMapper json = new ObjectMapper();
    private final String tenant = "t-" + UUID.randomUUID();
    private final String caseId = UUID.randomUUID().toString();

    @AfterEach
    void cleanUp() {
        clock.reset();
        kafka.close();
    }

    private static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String specialist(String subject, String specialty, String country, double turnaround,
                                     List<String> conditions) {
        Map<String, Object> body = Directory.entry(subject, specialty);
        body.put("practiceCountry", country);
        body.put("licenceCountries", List.of(country));
        body.put("turnaroundDays", turnaround);
        body.put("conditions", conditions);
        body.put("languages", List.of("en"));
        return Directory.create(body);
    }

    private Map<String, Object> seatedRequest(String residence, List<Map<String, Object>> seats) {
        Map<String, Object> body = Panels.reviewRequest(caseId, tenant, (String) seats.get(0).get("specialty"), seats.size());
        body.put("countryOfResidence", residence);
        body.put("preferredLanguage", "en");
        body.put("subspecialty", null);
        body.put("seats", seats);
        return body;
    }

    private static Map<String, Object> seat(int number, String specialty, String focus) {
        Map<String, Object> seat = new java.util.HashMap<>();
        seat.put("seat", number);
        seat.put("specialty", specialty);
        seat.put("focus", focus);
        return seat;
    }

    private static Map<String, Object> invitationOf(String caseId, String subject) {
        return Panels.panel(caseId).get("invitations") instanceof List<?> list ? list.stream()
                .map(o -> (Map<String, Object>) o).filter(m -> subject.equals(m.get("specialistSubject")))
                .findFirst().orElse(null) : null;
    }

    private static void accept(String subject, Object invitationId) {
        given().auth().oauth2(Tokens.specialist(subject)).when().post("/api/v1/invitations/{id}/accept", invitationId)
                .then().statusCode(200).body("state", equalTo("ACCEPTED"));
    }

    private List<JsonNode> eventsOf(String type, int atLeast) {
        List<ConsumerRecord<String, String>> all = Broker.readUntil(kafka, "consilium.specialist.events",
                seen -> seen.stream().filter(r -> caseId.equals(r.key()) && type.equals(Broker.header(r, "ce_type")))
                        .count() >= atLeast, Duration.ofSeconds(30));
        return all.stream().filter(r -> caseId.equals(r.key()) && type.equals(Broker.header(r, "ce_type")))
                .map(r -> {
                    try {
                        return json.readTree(r.value());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    @Test
    void mrLeesPanelHasOneDermatologistAndOneAllergist() {
        String dermatology = slug("dermatology");
        String allergy = slug("allergy-immunology");
        String urticariaDermatologist = "s-derm-" + UUID.randomUUID();
        String otherDermatologist = "s-derm2-" + UUID.randomUUID();
        String allergist = "s-allergy-" + UUID.randomUUID();
        specialist(urticariaDermatologist, dermatology, "GB", 6, List.of("L50-L54"));
        specialist(otherDermatologist, dermatology, "GB", 1, List.of("C43"));
        specialist(allergist, allergy, "GB", 4, List.of("T78"));

        Panels.publish(kafka, UUID.randomUUID(), Panels.REVIEW_REQUESTED, caseId, tenant, seatedRequest("GB",
                List.of(seat(1, dermatology, "L50.0"), seat(2, allergy, null))));

        List<Map<String, Object>> invited = Panels.awaitInvitations(caseId, 2);
        assertThat(invited).extracting(i -> i.get("seat") + ":" + i.get("specialistSubject"))
                .as("the seat's focus (urticaria) outranks the faster dermatologist")
                .containsExactlyInAnyOrder("1:" + urticariaDermatologist, "2:" + allergist);
        given().auth().oauth2(Tokens.specialist(allergist)).when().get("/api/v1/invitations/{id}", invitationOf(caseId, allergist).get("id"))
                .then().statusCode(200).body("seat", equalTo(2)).body("specialty", equalTo(allergy))
                .body("acceptBy", org.hamcrest.Matchers.notNullValue())
                .body("reportWithinHours", equalTo(168)).body("reportDueBy", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(Tokens.ops("ops-1")).when().get("/api/v1/cases/{id}/ranking", caseId)
                .then().statusCode(200)
                .body("seats.specialty", contains(dermatology, allergy))
                .body("seats[0].focus", equalTo("L50.0"))
                .body("seats[0].ranking.ranked[0].specialistSubject", equalTo(otherDermatologist))
                .body("seats[0].ranking.ranked[0].score.condition", equalTo(0.0f))
                .body("seats[0].ranking.excluded.reason", hasItem("ALREADY_INVITED"));

        accept(urticariaDermatologist, invitationOf(caseId, urticariaDermatologist).get("id"));
        accept(allergist, invitationOf(caseId, allergist).get("id"));

        await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(AssertionError.class)
                .until(() -> "ASSEMBLED".equals(Panels.panel(caseId).get("state")));
        JsonNode assembled = eventsOf("consilium.specialist.panel-assembled.v1", 1).get(0);
        assertThat(assembled.get("specialists")).extracting(m -> m.get("seat").asInt() + ":" + m.get("specialistSubject").asText())
                .containsExactlyInAnyOrder("1:" + urticariaDermatologist, "2:" + allergist);
    }

    @Test
    void ajsPanelHasTwoUsExpertsAndOneSpanishWithADeclineAndAnExpiryRefilledInTheirOwnSeats() {
        String oo = slug("ophthalmic-oncology");
        List<String> uveal = List.of("C69");
        String madrid = "s-madrid-" + UUID.randomUUID();
        String barcelona = "s-barcelona-" + UUID.randomUUID();
        String boston = "s-boston-" + UUID.randomUUID();
        String houston = "s-houston-" + UUID.randomUUID();
        String seattle = "s-seattle-" + UUID.randomUUID();
        String miami = "s-miami-" + UUID.randomUUID();
        String paris = "s-paris-" + UUID.randomUUID();
        specialist(madrid, oo, "ES", 1, uveal);
        specialist(barcelona, oo, "ES", 2, uveal);
        specialist(boston, oo, "US", 3, uveal);
        specialist(houston, oo, "US", 4, uveal);
        specialist(seattle, oo, "US", 5, uveal);
        specialist(miami, oo, "US", 6, uveal);
        specialist(paris, oo, "FR", 0, uveal);

        Map<String, Object> request = seatedRequest("ES", List.of(seat(1, oo, "C69.3"), seat(2, oo, "C69.3"), seat(3, oo, "C69.3")));
        request.put("diagnosisIcd10", "C69.3");
        request.put("urgency", "URGENT");
        request.put("allowedCountries", List.of("US", "ES"));
        request.put("minOutsideResidence", 2);
        request.put("acceptWithinHours", 24);
        request.put("reportWithinHours", 72);
        Panels.publish(kafka, UUID.randomUUID(), Panels.REVIEW_REQUESTED, caseId, tenant, request);

        List<Map<String, Object>> first = Panels.awaitInvitations(caseId, 3);
        assertThat(first).extracting(i -> i.get("seat") + ":" + i.get("specialistSubject"))
                .as("the best Spaniard takes seat 1; the country rule keeps seats 2 and 3 for Americans")
                .containsExactlyInAnyOrder("1:" + madrid, "2:" + boston, "3:" + houston);
        Map<String, Object> houstons = invitationOf(caseId, houston);
        assertThat(Duration.between(Instant.parse((String) houstons.get("invitedAt")), Instant.parse((String) houstons.get("acceptBy"))))
                .as("the plan's urgent time to accept").isEqualTo(Duration.ofHours(24));
        assertThat(houstons.get("reportWithinHours")).isEqualTo(72);
        given().auth().oauth2(Tokens.ops("ops-1")).when().get("/api/v1/cases/{id}/ranking", caseId)
                .then().statusCode(200)
                .body("minOutsideResidence", equalTo(2))
                .body("outsideHeld", equalTo(2))
                .body("seats[1].outsideResidenceRequired", equalTo(true))
                .body("seats[1].ranking.excluded.findAll { it.reason == 'COUNTRY_NOT_ALLOWED' }.size()", equalTo(1))
                .body("seats[1].ranking.excluded.findAll { it.reason == 'OUTSIDE_RESIDENCE_REQUIRED' }.size()", equalTo(1));

        accept(madrid, invitationOf(caseId, madrid).get("id"));
        given().auth().oauth2(Tokens.specialist(boston)).contentType(ContentType.JSON)
                .body(Map.of("reason", "Conflict with a congress")).when()
                .post("/api/v1/invitations/{id}/decline", invitationOf(caseId, boston).get("id"))
                .then().statusCode(200).body("state", equalTo("DECLINED"));
        Panels.awaitInvitations(caseId, 4);
        assertThat(invitationOf(caseId, seattle)).as("seat 2 refilled from abroad, not by the better-ranked Barcelona")
                .containsEntry("seat", 2).containsEntry("state", "INVITED");
        assertThat(invitationOf(caseId, barcelona)).isNull();
        accept(seattle, invitationOf(caseId, seattle).get("id"));

        clock.advance(Duration.ofHours(11));
        expiry.remindDue();
        assertThat(invitationOf(caseId, houston).get("remindedAt")).as("12 h before the deadline, not earlier").isNull();
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        expiry.remindDue();
        expiry.remindDue();
        assertThat(invitationOf(caseId, houston).get("remindedAt")).isNotNull();
        expiry.expireDue();
        assertThat(invitationOf(caseId, houston).get("state")).as("not yet past its deadline").isEqualTo("INVITED");

        clock.advance(Duration.ofHours(12));
        expiry.expireDue();
        assertThat(invitationOf(caseId, houston).get("state")).isEqualTo("EXPIRED");
        assertThat(invitationOf(caseId, miami)).as("seat 3 refilled from abroad")
                .containsEntry("seat", 3).containsEntry("state", "INVITED");
        accept(miami, invitationOf(caseId, miami).get("id"));

        await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(AssertionError.class)
                .until(() -> "ASSEMBLED".equals(Panels.panel(caseId).get("state")));
        JsonNode assembled = eventsOf("consilium.specialist.panel-assembled.v1", 1).get(0);
        assertThat(assembled.get("specialists")).extracting(m -> m.get("seat").asInt() + ":" + m.get("country").asText())
                .containsExactlyInAnyOrder("1:ES", "2:US", "3:US");
        List<JsonNode> reminders = eventsOf("consilium.specialist.invitation-reminder-due.v1", 1);
        assertThat(reminders).as("one reminder, for the one invitation left unanswered").singleElement()
                .satisfies(r -> {
                    assertThat(r.get("specialistSubject").asText()).isEqualTo(houston);
                    assertThat(r.get("seat").asInt()).isEqualTo(3);
                    assertThat(r.get("acceptBy").asText()).isEqualTo(houstons.get("acceptBy"));
                });
        Map<String, Object> miamis = invitationOf(caseId, miami);
        assertThat(Duration.between(Instant.parse((String) miamis.get("respondedAt")), Instant.parse((String) miamis.get("reportDueBy"))))
                .isEqualTo(Duration.ofHours(72));
        assertThat(eventsOf("consilium.specialist.expired.v1", 1)).singleElement()
                .satisfies(e -> assertThat(e.get("seat").asInt()).isEqualTo(3));
    }

    @Test
    void aSeatNoSpecialistCanTakeIsNamedInTheAlert() {
        String dermatology = slug("dermatology");
        String nobody = slug("allergy-immunology");
        String dermatologist = "s-derm-" + UUID.randomUUID();
        specialist(dermatologist, dermatology, "GB", 2, List.of("L50"));

        Panels.publish(kafka, UUID.randomUUID(), Panels.REVIEW_REQUESTED, caseId, tenant, seatedRequest("GB",
                List.of(seat(1, dermatology, null), seat(2, nobody, "T78.3"))));

        Panels.awaitInvitations(caseId, 1);
        JsonNode alert = eventsOf("consilium.specialist.no-candidate.v1", 1).get(0);
        assertThat(alert.get("missing").asInt()).isEqualTo(1);
        assertThat(alert.get("seats")).singleElement().satisfies(seat -> {
            assertThat(seat.get("seat").asInt()).isEqualTo(2);
            assertThat(seat.get("specialty").asText()).isEqualTo(nobody);
            assertThat(seat.get("focus").asText()).isEqualTo("T78.3");
            assertThat(seat.get("reason").asText()).isEqualTo("NO_ELIGIBLE_SPECIALIST");
        });
        given().auth().oauth2(Tokens.ops("ops-1")).when().get("/api/v1/cases/{id}/panel", caseId)
                .then().statusCode(200).body("shortSeats", contains(2)).body("seats.specialty", contains(dermatology, nobody));

        // ops fill the seat with a named specialist; the held seat 1 is not free
        String stand_in = "s-derm-standin-" + UUID.randomUUID();
        String standInId = specialist(stand_in, dermatology, "GB", 3, List.of("T78"));
        given().auth().oauth2(Tokens.ops("ops-1")).contentType(ContentType.JSON)
                .body(Map.of("specialistId", standInId, "seat", 1, "reason", "Allergy experience"))
                .when().post("/api/v1/cases/{id}/invitations", caseId)
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(Tokens.ops("ops-1")).contentType(ContentType.JSON)
                .body(Map.of("specialistId", standInId, "seat", 2, "reason", "Allergy experience"))
                .when().post("/api/v1/cases/{id}/invitations", caseId)
                .then().statusCode(201).body("seat", equalTo(2)).body("specialty", equalTo(nobody))
                .body("overridden", equalTo(true));
    }

    @Test
    void seatsThatContradictThePanelSizeAreDeadLetteredAndOpenNoPanel() {
        String dermatology = slug("dermatology");
        specialist("s-" + UUID.randomUUID(), dermatology, "GB", 2, List.of("L50"));
        Map<String, Object> request = seatedRequest("GB", List.of(seat(1, dermatology, null)));
        request.put("panelSize", 2);
        Panels.publish(kafka, UUID.randomUUID(), Panels.REVIEW_REQUESTED, caseId, tenant, request);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.ops("olivia")).queryParam("caseId", caseId)
                        .when().get("/api/v1/ops/dead-letters")
                        .then().statusCode(200)
                        .body("items", org.hamcrest.Matchers.hasSize(1))
                        .body("items[0].error", org.hamcrest.Matchers.containsString("not the number of seats")));
        given().auth().oauth2(Tokens.ops("ops-1")).when().get("/api/v1/cases/{id}/panel", caseId).then().statusCode(404);
    }
}
