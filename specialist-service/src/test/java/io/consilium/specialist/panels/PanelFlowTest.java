package io.consilium.specialist.panels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consilium.specialist.service.InvitationExpiry;
import io.consilium.platform.testing.Broker;
import io.consilium.specialist.support.Directory;
import io.consilium.platform.testing.TestClock;
import io.consilium.specialist.support.Panels;
import io.consilium.platform.testing.Tokens;
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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * From a review request on the real case topic to an assembled panel: invitations of the best candidates,
 * fallback on decline and on expiry, capacity, and the events on the real specialist topic.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PanelFlowTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    TestClock clock;
    @Inject
    InvitationExpiry expiry;

    private final KafkaCompanion kafka = Broker.companion();
    private final ObjectMapper json = new ObjectMapper();
    private final String specialty = Directory.uniqueSpecialty();
    private final String tenant = "t-" + UUID.randomUUID();
    private final String caseId = UUID.randomUUID().toString();

    @AfterEach
    void cleanUp() {
        clock.reset();
        kafka.close();
    }

    /** Creates a specialist of this test's specialty; lower {@code turnaround} ranks higher, all else equal. */
    private String specialist(String subject, double turnaround) {
        Map<String, Object> body = Directory.entry(subject, specialty);
        body.put("turnaroundDays", turnaround);
        return Directory.create(body);
    }

    private void requestReview(int panelSize) {
        Panels.publish(kafka, UUID.randomUUID(), Panels.REVIEW_REQUESTED, caseId, tenant,
                Panels.reviewRequest(caseId, tenant, specialty, panelSize));
    }

    private static String subjectOf(Map<String, Object> invitation) {
        return (String) invitation.get("specialistSubject");
    }

    private static void accept(String subject, Object invitationId) {
        given().auth().oauth2(Tokens.specialist(subject)).when().post("/api/v1/invitations/{id}/accept", invitationId)
                .then().statusCode(200).body("state", equalTo("ACCEPTED"));
    }

    private static void decline(String subject, Object invitationId) {
        given().auth().oauth2(Tokens.specialist(subject)).contentType(ContentType.JSON)
                .body(Map.of("reason", "On leave before the due date"))
                .when().post("/api/v1/invitations/{id}/decline", invitationId)
                .then().statusCode(200).body("state", equalTo("DECLINED"));
    }

    private String state(String subject) {
        return Panels.panel(caseId).get("invitations") instanceof List<?> list
                ? list.stream().map(o -> (Map<?, ?>) o).filter(m -> subject.equals(m.get("specialistSubject")))
                .map(m -> (String) m.get("state")).findFirst().orElse(null)
                : null;
    }

    @Test
    void reviewRequestInvitesTheBestCandidatesAndSkipsConflictsAndDisallowedCountries() {
        String best = "s-" + UUID.randomUUID();
        String second = "s-" + UUID.randomUUID();
        String third = "s-" + UUID.randomUUID();
        specialist(best, 1);
        specialist(second, 3);
        specialist(third, 9);
        Map<String, Object> conflicted = Directory.entry("s-" + UUID.randomUUID(), specialty);
        conflicted.put("institution", "Hospital Central");
        conflicted.put("turnaroundDays", 0.0);
        Directory.create(conflicted);
        Map<String, Object> elsewhere = Directory.entry("s-" + UUID.randomUUID(), specialty);
        elsewhere.put("practiceCountry", "US");
        elsewhere.put("turnaroundDays", 0.0);
        Directory.create(elsewhere);

        Map<String, Object> request = Panels.reviewRequest(caseId, tenant, specialty, 2);
        request.put("allowedCountries", List.of("DE", "CH"));
        Panels.publish(kafka, UUID.randomUUID(), Panels.REVIEW_REQUESTED, caseId, tenant, request);

        List<Map<String, Object>> invited = Panels.awaitInvitations(caseId, 2);
        assertThat(invited).extracting(PanelFlowTest::subjectOf).containsExactlyInAnyOrder(best, second);
        assertThat(invited).allSatisfy(i -> assertThat(i.get("state")).isEqualTo("INVITED"));

        given().auth().oauth2(Tokens.ops("ops-1")).when().get("/api/v1/cases/{id}/ranking", caseId)
                .then().statusCode(200)
                .body("seats.seat", org.hamcrest.Matchers.contains(1, 2))
                .body("seats.heldState", org.hamcrest.Matchers.contains("INVITED", "INVITED"))
                .body("seats[0].ranking.candidates", equalTo(1))
                .body("seats[0].ranking.ranked[0].specialistSubject", equalTo(third))
                .body("seats[0].ranking.ranked[0].score.turnaround", equalTo(10.5f))
                .body("seats[0].ranking.excluded.reason", org.hamcrest.Matchers.containsInAnyOrder(
                        "ALREADY_INVITED", "ALREADY_INVITED", "CONFLICT_OF_INTEREST", "COUNTRY_NOT_ALLOWED"));
    }

    @Test
    void theSameReviewRequestConsumedTwiceInvitesNobodyTwice() {
        specialist("s-" + UUID.randomUUID(), 1);
        specialist("s-" + UUID.randomUUID(), 2);
        specialist("s-" + UUID.randomUUID(), 3);
        UUID eventId = UUID.randomUUID();
        Map<String, Object> request = Panels.reviewRequest(caseId, tenant, specialty, 1);
        Panels.publish(kafka, eventId, Panels.REVIEW_REQUESTED, caseId, tenant, request);
        Panels.publish(kafka, eventId, Panels.REVIEW_REQUESTED, caseId, tenant, request);
        // Same key, same partition: once this later event is applied, both copies before it have been consumed.
        String marker = UUID.randomUUID().toString();
        Panels.publish(kafka, UUID.randomUUID(), "consilium.case.consent-granted.v1", caseId, tenant,
                Map.of("caseId", caseId, "consentId", marker, "purpose", "RECORDS_TO_SPECIALISTS",
                        "specialistSubjects", List.of(), "countries", List.of(), "grantedAt", Instant.now().toString()));
        Panels.awaitInvitations(caseId, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> consentRecorded(marker));

        assertThat((List<?>) Panels.panel(caseId).get("invitations")).hasSize(1);
        List<ConsumerRecord<String, String>> invited = eventsOf(caseId, "consilium.specialist.invited.v1", 1);
        assertThat(invited).hasSize(1);
        assertThat(inboxRows(eventId)).as("the copy was recognised by the inbox, not applied").isEqualTo(1);
    }

    @Test
    void aReviewRequestRepublishedUnderANewEventIdDoesNotReopenThePanel() {
        specialist("s-" + UUID.randomUUID(), 1);
        specialist("s-" + UUID.randomUUID(), 2);
        Map<String, Object> request = Panels.reviewRequest(caseId, tenant, specialty, 1);
        Panels.publish(kafka, UUID.randomUUID(), Panels.REVIEW_REQUESTED, caseId, tenant, request);
        Panels.awaitInvitations(caseId, 1);
        UUID again = UUID.randomUUID();
        Panels.publish(kafka, again, Panels.REVIEW_REQUESTED, caseId, tenant, request);
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxRows(again) == 1);
        assertThat((List<?>) Panels.panel(caseId).get("invitations")).hasSize(1);
    }

    @Test
    void aPanelShortOfCandidatesIsAssembledWhenTheDoctorAsksForFewerSeats() {
        String first = "s-" + UUID.randomUUID();
        String second = "s-" + UUID.randomUUID();
        specialist(first, 1);
        specialist(second, 2);
        requestReview(3); // only two candidates exist: both invited, no-candidate for the third seat
        List<Map<String, Object>> invitations = Panels.awaitInvitations(caseId, 2);
        for (Map<String, Object> invitation : invitations) {
            accept(subjectOf(invitation), invitation.get("id"));
        }
        assertThat(Panels.panel(caseId).get("state")).isEqualTo("OPEN");

        requestReview(2);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(AssertionError.class)
                .until(() -> "ASSEMBLED".equals(Panels.panel(caseId).get("state")));
        var assembled = Broker.readUntil(kafka, "consilium.specialist.events", rs -> rs.stream().anyMatch(r ->
                caseId.equals(r.key()) && "consilium.specialist.panel-assembled.v1".equals(Broker.header(r, "ce_type"))),
                Duration.ofSeconds(30));
        assertThat(assembled.stream().filter(r -> caseId.equals(r.key())).map(r -> Broker.header(r, "ce_type")))
                .contains("consilium.specialist.no-candidate.v1", "consilium.specialist.panel-assembled.v1");
    }

    @Test
    void aReviewRequestThatArrivesAfterTheCaseEndedInvitesNobody() {
        specialist("s-" + UUID.randomUUID(), 2);
        Panels.publish(kafka, UUID.randomUUID(), "consilium.case.cancelled.v1", caseId, tenant,
                Map.of("caseId", caseId, "reason", "patient withdrew", "cancelledAt", Instant.now().toString()));
        UUID late = UUID.randomUUID();
        Panels.publish(kafka, late, Panels.REVIEW_REQUESTED, caseId, tenant,
                Panels.reviewRequest(caseId, tenant, specialty, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxRows(late) == 1);
        given().auth().oauth2(Tokens.ops("olivia")).when().get("/api/v1/cases/{id}/panel", caseId)
                .then().statusCode(404);
    }

    @Test
    void aGrantThatArrivesAfterItsRevocationGivesNoFullView() {
        String subject = "s-" + UUID.randomUUID();
        specialist(subject, 1);
        requestReview(1);
        accept(subject, Panels.awaitInvitations(caseId, 1).get(0).get("id"));
        UUID consentId = UUID.randomUUID();
        Panels.publish(kafka, UUID.randomUUID(), "consilium.case.consent-revoked.v1", caseId, tenant,
                Map.of("caseId", caseId, "consentId", consentId.toString(), "revokedAt", Instant.now().toString()));
        UUID grant = UUID.randomUUID();
        Panels.publish(kafka, grant, "consilium.case.consent-granted.v1", caseId, tenant,
                Map.of("caseId", caseId, "consentId", consentId.toString(), "purpose", "RECORDS_TO_SPECIALISTS",
                        "specialistSubjects", List.of(), "countries", List.of(), "grantedAt", Instant.now().toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxRows(grant) == 1);
        given().auth().oauth2(Tokens.specialist(subject)).when().get("/api/v1/cases/{id}/summary", caseId)
                .then().statusCode(200).body("visibility", equalTo("SUMMARY")).body("recordsShared", equalTo(false));
    }

    private static long inboxRows(UUID eventId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                ((Number) io.consilium.specialist.domain.Invitation.getEntityManager()
                        .createNativeQuery("select count(*) from inbox_event where event_id = ?1")
                        .setParameter(1, eventId).getSingleResult()).longValue());
    }

    private static boolean consentRecorded(String consentId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                io.consilium.specialist.domain.CaseConsent.findById(UUID.fromString(consentId)) != null);
    }

    @Test
    void anUnfilledPanelIsReopenedByTheNextReviewRequest() {
        requestReview(1);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(AssertionError.class)
                .until(() -> "UNFILLED".equals(Panels.panel(caseId).get("state")));
        String arrived = "s-" + UUID.randomUUID();
        specialist(arrived, 1);
        requestReview(1);
        assertThat(subjectOf(Panels.awaitInvitations(caseId, 1).get(0))).isEqualTo(arrived);
        assertThat(Panels.panel(caseId).get("state")).isEqualTo("OPEN");
    }

    @Test
    void aDeclineInvitesTheNextCandidateAtOnce() {
        String first = "s-" + UUID.randomUUID();
        String next = "s-" + UUID.randomUUID();
        specialist(first, 1);
        specialist(next, 2);
        requestReview(1);
        Map<String, Object> invitation = Panels.awaitInvitations(caseId, 1).get(0);
        assertThat(subjectOf(invitation)).isEqualTo(first);

        decline(first, invitation.get("id"));

        List<Map<String, Object>> invitations = Panels.awaitInvitations(caseId, 2);
        assertThat(invitations).extracting(PanelFlowTest::subjectOf).containsExactly(first, next);
        assertThat(state(first)).isEqualTo("DECLINED");
        assertThat(state(next)).isEqualTo("INVITED");
        ConsumerRecord<String, String> declined = eventsOf(caseId, "consilium.specialist.declined.v1", 1).get(0);
        assertThat(field(declined, "reason")).isEqualTo("On leave before the due date");
        assertThat(field(declined, "specialistSubject")).isEqualTo(first);
        assertThat(field(declined, "specialistName")).as("the directory's name, for timelines").isEqualTo("Dr. " + first);
    }

    @Test
    void anExpiredInvitationInvitesTheNextCandidate() {
        String slow = "s-" + UUID.randomUUID();
        String next = "s-" + UUID.randomUUID();
        specialist(slow, 1);
        specialist(next, 2);
        requestReview(1);
        Map<String, Object> invitation = Panels.awaitInvitations(caseId, 1).get(0);
        Instant deadline = Instant.parse((String) invitation.get("deadline"));
        assertThat(Duration.between(Instant.parse((String) invitation.get("invitedAt")), deadline))
                .isEqualTo(Duration.ofHours(48));

        clock.advance(Duration.ofHours(47));
        expiry.expireDue();
        assertThat(state(slow)).as("before the deadline nothing expires").isEqualTo("INVITED");

        clock.advance(Duration.ofHours(2));
        expiry.expireDue();
        assertThat(state(slow)).isEqualTo("EXPIRED");
        assertThat(state(next)).isEqualTo("INVITED");
        given().auth().oauth2(Tokens.specialist(slow)).when().post("/api/v1/invitations/{id}/accept", invitation.get("id"))
                .then().statusCode(409).contentType(PROBLEM);
        assertThat(field(eventsOf(caseId, "consilium.specialist.expired.v1", 1).get(0), "specialistSubject"))
                .isEqualTo(slow);
    }

    @Test
    void aPanelOfThreeIsAssembledFromDeclinesAndAccepts() throws Exception {
        String[] s = new String[5];
        String[] ids = new String[5];
        for (int i = 0; i < 5; i++) {
            s[i] = "s-" + i + "-" + UUID.randomUUID();
            ids[i] = specialist(s[i], i + 1);
        }
        requestReview(3);
        List<Map<String, Object>> first = Panels.awaitInvitations(caseId, 3);
        assertThat(first).extracting(PanelFlowTest::subjectOf).containsExactlyInAnyOrder(s[0], s[1], s[2]);

        accept(s[0], idOf(first, s[0]));
        decline(s[1], idOf(first, s[1]));
        List<Map<String, Object>> second = Panels.awaitInvitations(caseId, 4);
        assertThat(state(s[3])).isEqualTo("INVITED");
        decline(s[2], idOf(first, s[2]));
        List<Map<String, Object>> third = Panels.awaitInvitations(caseId, 5);
        accept(s[3], idOf(second, s[3]));
        assertThat(Panels.panel(caseId).get("state")).isEqualTo("OPEN");
        accept(s[4], idOf(third, s[4]));

        assertThat(Panels.panel(caseId).get("state")).isEqualTo("ASSEMBLED");
        ConsumerRecord<String, String> assembled = eventsOf(caseId, "consilium.specialist.panel-assembled.v1", 1).get(0);
        JsonNode members = json.readTree(assembled.value()).get("specialists");
        assertThat(members).hasSize(3);
        assertThat(members.findValuesAsText("specialistSubject")).containsExactlyInAnyOrder(s[0], s[3], s[4]);
        assertThat(members.findValuesAsText("country")).containsOnly("DE");
        List<ConsumerRecord<String, String>> accepted = eventsOf(caseId, "consilium.specialist.accepted.v1", 3);
        assertThat(accepted).hasSize(3);
        // Who the experts are, for the patient's summary in report-service (issue 13): the directory's entry.
        assertThat(accepted).extracting(r -> field(r, "specialty")).containsOnly(specialty);
        assertThat(accepted).extracting(r -> field(r, "institution"))
                .containsExactlyInAnyOrder("Institute " + s[0], "Institute " + s[3], "Institute " + s[4]);

        // Capacity is reserved on accept.
        given().auth().oauth2(Tokens.ops("ops-1")).when().get("/api/v1/specialists/{id}", ids[0])
                .then().statusCode(200).body("currentLoad", equalTo(1));
        given().auth().oauth2(Tokens.ops("ops-1")).when().get("/api/v1/specialists/{id}", ids[1])
                .then().statusCode(200).body("currentLoad", equalTo(0));
    }

    @Test
    void eventsCarryCloudEventHeadersAndTheCaseIdAsKey() throws Exception {
        String subject = "s-" + UUID.randomUUID();
        String specialistId = specialist(subject, 1);
        requestReview(1);
        Panels.awaitInvitations(caseId, 1);

        ConsumerRecord<String, String> record = eventsOf(caseId, "consilium.specialist.invited.v1", 1).get(0);
        assertThat(record.key()).isEqualTo(caseId);
        assertThat(Broker.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(Broker.header(record, "ce_source")).isEqualTo("/specialist-service");
        assertThat(Broker.header(record, "ce_subject")).isEqualTo(caseId);
        assertThat(Broker.header(record, "ce_tenant")).isEqualTo(tenant);
        assertThat(UUID.fromString(Broker.header(record, "ce_id"))).isNotNull();
        assertThat(Broker.header(record, "ce_time")).isNotBlank();
        JsonNode value = json.readTree(record.value());
        assertThat(value.get("caseId").asText()).isEqualTo(caseId);
        assertThat(value.get("tenant").asText()).isEqualTo(tenant);
        assertThat(value.get("specialistId").asText()).isEqualTo(specialistId);
        assertThat(value.get("specialistSubject").asText()).isEqualTo(subject);
        assertThat(UUID.fromString(value.get("invitationId").asText())).isNotNull();
        assertThat(Instant.parse(value.get("deadline").asText())).isAfter(Instant.now().plus(Duration.ofHours(47)));
    }

    @Test
    void whenNoCandidateIsLeftOpsAreAlerted() throws Exception {
        String only = "s-" + UUID.randomUUID();
        specialist(only, 1);
        requestReview(2);
        Panels.awaitInvitations(caseId, 1);
        JsonNode alert = json.readTree(eventsOf(caseId, "consilium.specialist.no-candidate.v1", 1).get(0).value());
        assertThat(alert.get("missing").asInt()).isEqualTo(1);
        assertThat(alert.get("seats")).as("the alert names the seat").singleElement()
                .satisfies(seat -> assertThat(seat.get("seat").asInt()).isEqualTo(2));

        decline(only, Panels.awaitInvitations(caseId, 1).get(0).get("id"));
        await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(AssertionError.class)
                .until(() -> "UNFILLED".equals(Panels.panel(caseId).get("state")));
        List<ConsumerRecord<String, String>> alerts = eventsOf(caseId, "consilium.specialist.no-candidate.v1", 2);
        assertThat(json.readTree(alerts.get(1).value()).get("missing").asInt()).isEqualTo(2);
    }

    @Test
    void opsOverrideInvitesANamedSpecialistButNeverAConflictOfInterest() {
        specialist("s-" + UUID.randomUUID(), 1);
        requestReview(2);
        Panels.awaitInvitations(caseId, 1);
        assertThat(Panels.panel(caseId).get("state")).as("one seat pending, one unfilled").isEqualTo("OPEN");

        Map<String, Object> conflicted = Directory.entry("s-" + UUID.randomUUID(), "other-" + specialty);
        conflicted.put("institution", "hospital central");
        String conflictedId = Directory.create(conflicted);
        given().auth().oauth2(Tokens.ops("ops-1")).contentType(ContentType.JSON)
                .body(Map.of("specialistId", conflictedId, "reason", "asked by the patient"))
                .when().post("/api/v1/cases/{id}/invitations", caseId)
                .then().statusCode(422).contentType(PROBLEM)
                .body("detail", org.hamcrest.Matchers.containsString("CONFLICT_OF_INTEREST"))
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("specialistId"));

        String named = "s-" + UUID.randomUUID();
        String namedId = Directory.create(Directory.entry(named, "other-" + specialty));
        given().auth().oauth2(Tokens.ops("ops-1")).contentType(ContentType.JSON)
                .body(Map.of("specialistId", namedId, "reason", "asked by the patient"))
                .when().post("/api/v1/cases/{id}/invitations", caseId)
                .then().statusCode(201).body("overridden", equalTo(true)).body("specialistSubject", equalTo(named));
        given().auth().oauth2(Tokens.ops("ops-1")).contentType(ContentType.JSON)
                .body(Map.of("specialistId", namedId, "reason", "again"))
                .when().post("/api/v1/cases/{id}/invitations", caseId)
                .then().statusCode(409).contentType(PROBLEM);
        given().auth().oauth2(Tokens.specialist(named)).contentType(ContentType.JSON)
                .body(Map.of("specialistId", namedId, "reason", "me"))
                .when().post("/api/v1/cases/{id}/invitations", caseId)
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void cancellingTheCaseReleasesCapacityAndWithdrawsPendingInvitations() {
        String a = "s-" + UUID.randomUUID();
        String b = "s-" + UUID.randomUUID();
        String aId = specialist(a, 1);
        specialist(b, 2);
        requestReview(2);
        List<Map<String, Object>> invitations = Panels.awaitInvitations(caseId, 2);
        accept(a, idOf(invitations, a));
        given().auth().oauth2(Tokens.ops("ops-1")).when().get("/api/v1/specialists/{id}", aId)
                .then().body("currentLoad", equalTo(1));

        Panels.publish(kafka, UUID.randomUUID(), "consilium.case.cancelled.v1", caseId, tenant,
                Map.of("caseId", caseId, "tenant", tenant, "reason", "patient withdrew", "cancelledAt", Instant.now().toString()));

        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(AssertionError.class)
                .until(() -> "CANCELLED".equals(Panels.panel(caseId).get("state")));
        assertThat(state(a)).isEqualTo("RELEASED");
        assertThat(state(b)).isEqualTo("WITHDRAWN");
        given().auth().oauth2(Tokens.ops("ops-1")).when().get("/api/v1/specialists/{id}", aId)
                .then().body("currentLoad", equalTo(0));
        given().auth().oauth2(Tokens.specialist(b)).when().get("/api/v1/cases/{id}/summary", caseId)
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void theSpecialistSeesNoIdentifyingDataBeforeAcceptingAndTheFullCaseOnlyWithConsent() {
        String subject = "s-" + UUID.randomUUID();
        specialist(subject, 1);
        requestReview(1);
        Object invitationId = Panels.awaitInvitations(caseId, 1).get(0).get("id");
        String token = Tokens.specialist(subject);

        given().auth().oauth2(token).when().get("/api/v1/cases/{id}/summary", caseId)
                .then().statusCode(200)
                .body("visibility", equalTo("SUMMARY"))
                .body("specialty", equalTo(specialty))
                .body("diagnosisIcd10", equalTo("C61"))
                .body("preferredLanguage", equalTo("es"))
                .body("treatingInstitution", nullValue())
                .body("tenant", nullValue())
                .body("recordsShared", equalTo(false));

        accept(subject, invitationId);
        given().auth().oauth2(token).when().get("/api/v1/cases/{id}/summary", caseId)
                .then().statusCode(200).body("visibility", equalTo("SUMMARY")).body("treatingInstitution", nullValue());

        UUID consentId = UUID.randomUUID();
        Panels.publish(kafka, UUID.randomUUID(), "consilium.case.consent-granted.v1", caseId, tenant,
                Map.of("caseId", caseId, "consentId", consentId.toString(), "purpose", "RECORDS_TO_SPECIALISTS",
                        "specialistSubjects", List.of(subject), "countries", List.of("DE"),
                        "grantedAt", Instant.now().toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "FULL".equals(
                given().auth().oauth2(token).when().get("/api/v1/cases/{id}/summary", caseId).path("visibility")));
        given().auth().oauth2(token).when().get("/api/v1/cases/{id}/summary", caseId)
                .then().body("treatingInstitution", equalTo("Hospital Central")).body("recordsShared", equalTo(true));

        Panels.publish(kafka, UUID.randomUUID(), "consilium.case.consent-revoked.v1", caseId, tenant,
                Map.of("caseId", caseId, "consentId", consentId.toString(), "purpose", "RECORDS_TO_SPECIALISTS",
                        "revokedAt", Instant.now().toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SUMMARY".equals(
                given().auth().oauth2(token).when().get("/api/v1/cases/{id}/summary", caseId).path("visibility")));
    }

    @Test
    void aSpecialistNeverSeesOrAnswersAnotherSpecialistsInvitation() {
        String invitee = "s-" + UUID.randomUUID();
        specialist(invitee, 1);
        requestReview(1);
        Object invitationId = Panels.awaitInvitations(caseId, 1).get(0).get("id");
        String stranger = Tokens.specialist("s-stranger-" + UUID.randomUUID());

        given().auth().oauth2(stranger).when().get("/api/v1/cases/{id}/summary", caseId)
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo("urn:consilium:problem:not-found"));
        given().auth().oauth2(stranger).when().get("/api/v1/cases/{id}/summary", UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo("urn:consilium:problem:not-found"));
        given().auth().oauth2(stranger).when().get("/api/v1/invitations/{id}", invitationId)
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(stranger).when().post("/api/v1/invitations/{id}/accept", invitationId)
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .when().post("/api/v1/invitations/{id}/decline", invitationId)
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(stranger).when().get("/api/v1/invitations")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(Tokens.ops("ops-1")).when().post("/api/v1/invitations/{id}/accept", invitationId)
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.caseManager("cm-1", tenant)).when().get("/api/v1/cases/{id}/summary", caseId)
                .then().statusCode(403).contentType(PROBLEM);
        given().when().get("/api/v1/cases/{id}/summary", caseId)
                .then().statusCode(401).contentType(PROBLEM);

        given().auth().oauth2(Tokens.specialist(invitee)).when().get("/api/v1/invitations")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].caseId", equalTo(caseId));
        assertThat(state(invitee)).isEqualTo("INVITED");
    }

    @Test
    void answeringTwiceOrWithAStaleIfMatchIsRefused() {
        String subject = "s-" + UUID.randomUUID();
        specialist(subject, 1);
        requestReview(1);
        Object invitationId = Panels.awaitInvitations(caseId, 1).get(0).get("id");
        String token = Tokens.specialist(subject);
        given().auth().oauth2(token).header("If-Match", "\"7\"").when().post("/api/v1/invitations/{id}/accept", invitationId)
                .then().statusCode(412).contentType(PROBLEM);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", ""))
                .when().post("/api/v1/invitations/{id}/decline", invitationId)
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("reason"));
        accept(subject, invitationId);
        given().auth().oauth2(token).when().post("/api/v1/invitations/{id}/accept", invitationId)
                .then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void theFirstReportVersionUpdatesTheSpecialistsAverageTurnaround() {
        String subject = "s-" + UUID.randomUUID();
        String id = specialist(subject, 5.0);
        requestReview(1);
        accept(subject, Panels.awaitInvitations(caseId, 1).get(0).get("id"));
        UUID eventId = UUID.randomUUID();
        Map<String, Object> report = Map.of("caseId", caseId, "tenant", tenant, "reportId", UUID.randomUUID().toString(),
                "version", 1, "specialistSubject", subject, "sha256", "00",
                "submittedAt", Instant.now().plus(Duration.ofDays(3)).toString());
        publishReport(eventId, report);
        publishReport(eventId, report);

        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.ops("ops-1"))
                .when().get("/api/v1/specialists/{id}", id).path("turnaroundReports").equals(1));
        given().auth().oauth2(Tokens.ops("ops-1")).when().get("/api/v1/specialists/{id}", id)
                .then().body("turnaroundDays", equalTo(4.0f)).body("turnaroundReports", equalTo(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxRows(eventId) == 1);
    }

    private void publishReport(UUID eventId, Map<String, Object> body) {
        try {
            org.apache.kafka.common.header.internals.RecordHeaders headers = new org.apache.kafka.common.header.internals.RecordHeaders();
            for (String[] h : new String[][]{{"ce_specversion", "1.0"}, {"ce_id", eventId.toString()},
                    {"ce_type", "consilium.report.submitted.v1"}, {"ce_source", "/report-service"}, {"ce_subject", caseId},
                    {"ce_time", Instant.now().toString()}, {"ce_tenant", tenant}, {"content-type", "application/json"}}) {
                headers.add(h[0], h[1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            kafka.produceStrings().fromRecords(new org.apache.kafka.clients.producer.ProducerRecord<>(
                    "consilium.report.events", null, caseId, json.writeValueAsString(body), headers))
                    .awaitCompletion(Duration.ofSeconds(20));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object idOf(List<Map<String, Object>> invitations, String subject) {
        return invitations.stream().filter(i -> subject.equals(i.get("specialistSubject"))).findFirst().orElseThrow().get("id");
    }

    private List<ConsumerRecord<String, String>> eventsOf(String caseId, String type, int atLeast) {
        List<ConsumerRecord<String, String>> all = Broker.readUntil(kafka, "consilium.specialist.events",
                seen -> seen.stream().filter(r -> caseId.equals(r.key()) && type.equals(Broker.header(r, "ce_type"))).count() >= atLeast,
                Duration.ofSeconds(30));
        return all.stream().filter(r -> caseId.equals(r.key()) && type.equals(Broker.header(r, "ce_type"))).toList();
    }

    private String field(ConsumerRecord<String, String> record, String name) {
        try {
            return json.readTree(record.value()).get(name).asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
