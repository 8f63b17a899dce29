package io.consilium.cases.lifecycle;

import io.consilium.cases.support.CaseApi;
import io.consilium.cases.support.Coverage;
import io.consilium.cases.support.Intakes;
import io.consilium.cases.support.Journey;
import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.TestClock;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** SLA clocks over real requests with a clock the test moves: pause while waiting on the patient, then breach. */
@QuarkusTest
class SlaFlowTest {

    private static final String SLA_EVENT = "consilium.case.sla-status-changed.v1";

    @Inject
    TestClock clock;

    private final KafkaCompanion kafka = Broker.companion();

    @AfterEach
    void resetClock() {
        clock.reset();
        kafka.close();
    }

    @Test
    void pausedClockDoesNotBreachAndARunningOneDoes() {
        // plan: records within 5 business days (7 to 9 calendar days depending on the weekday)
        Journey paused = Journey.collectingRecords();
        Journey running = Journey.collectingRecords();
        given().auth().oauth2(paused.doctor).when().post("/api/v1/cases/{id}/sla/pause", paused.caseId)
                .then().statusCode(200).body("[0].paused", equalTo(true));
        given().auth().oauth2(paused.doctor).when().post("/api/v1/cases/{id}/sla/pause", paused.caseId)
                .then().statusCode(409);

        clock.advance(Duration.ofDays(10));
        given().auth().oauth2(Tokens.ops("olivia")).when().post("/api/v1/ops/sla-evaluations").then().statusCode(200);

        given().auth().oauth2(running.partner).when().get("/api/v1/cases/{id}/sla", running.caseId)
                .then().statusCode(200).body("[0].kind", equalTo("RECORDS")).body("[0].status", equalTo("BREACHED"));
        given().auth().oauth2(paused.partner).when().get("/api/v1/cases/{id}/sla", paused.caseId)
                .then().statusCode(200).body("[0].status", equalTo("ON_TRACK")).body("[0].paused", equalTo(true));

        given().auth().oauth2(Tokens.ops("olivia")).queryParam("tenant", running.tenant).when().get("/api/v1/ops/queue")
                .then().statusCode(200).body("[0].caseId", equalTo(running.caseId)).body("[0].status", equalTo("BREACHED"));

        // the breach is published for notification-service; the paused clock has nothing to say
        var events = Broker.readUntil(kafka, "consilium.case.events", rs -> rs.stream().anyMatch(r ->
                running.caseId.equals(r.key()) && SLA_EVENT.equals(Broker.header(r, "ce_type"))), Duration.ofSeconds(30));
        var breach = events.stream().filter(r -> running.caseId.equals(r.key())
                && SLA_EVENT.equals(Broker.header(r, "ce_type"))).toList();
        assertThat(breach).hasSize(1);
        assertThat(Broker.json(breach.get(0).value()).get("status").asText()).isEqualTo("BREACHED");
        assertThat(Broker.json(breach.get(0).value()).get("kind").asText()).isEqualTo("RECORDS");
        assertThat(Broker.header(breach.get(0), "ce_tenant")).isEqualTo(running.tenant);
        assertThat(events).noneMatch(r -> paused.caseId.equals(r.key()) && SLA_EVENT.equals(Broker.header(r, "ce_type")));

        given().auth().oauth2(paused.doctor).when().post("/api/v1/cases/{id}/sla/resume", paused.caseId)
                .then().statusCode(200).body("[0].paused", equalTo(false));
        clock.advance(Duration.ofDays(10));
        given().auth().oauth2(Tokens.ops("olivia")).when().post("/api/v1/ops/sla-evaluations").then().statusCode(200);
        given().auth().oauth2(paused.partner).when().get("/api/v1/cases/{id}/sla", paused.caseId)
                .then().body("[0].status", equalTo("BREACHED"));
    }

    @Test
    void thePlansHolidaysDoNotCountTowardsTheBudget() {
        String tenant = "t-" + UUID.randomUUID();
        LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        List<String> nextTenDays = IntStream.rangeClosed(1, 10).mapToObj(d -> today.plusDays(d).toString()).toList();
        List<String> sent = new ArrayList<>(nextTenDays);
        Collections.reverse(sent);
        sent.add(nextTenDays.get(0)); // a duplicate
        Coverage.plan(tenant, Map.of("holidays", sent, "recordsSlaBusinessDays", 5));
        given().auth().oauth2(Tokens.partner(tenant)).when().get("/api/v1/plans")
                .then().statusCode(200).body("[0].holidays", equalTo(nextTenDays));
        Coverage.members(tenant, "M-1");
        String doctorId = "dr-" + UUID.randomUUID();
        Coverage.manager(doctorId, tenant, 5, "es");
        String patient = Tokens.patient("p-" + UUID.randomUUID(), tenant, "M-1");
        String caseId = CaseApi.open(patient, Intakes.valid("M-1"));
        // the clock starts at submission: compare with a time before it (when the 15th day is exactly the due day,
        // as from a Thursday, a time read afterwards is a few milliseconds late)
        Instant beforeSubmit = clock.instant();
        CaseApi.submit(patient, caseId).statusCode(200);

        String due = given().auth().oauth2(patient).when().get("/api/v1/cases/{id}/sla", caseId)
                .then().statusCode(200).body("[0].kind", equalTo("RECORDS")).extract().path("[0].dueAt");
        // 10 holidays, then 5 weekdays: at least 15 calendar days; without the holidays it would be at most 9
        assertThat(Instant.parse(due)).isAfterOrEqualTo(beforeSubmit.plus(Duration.ofDays(15)));

        // ten days on, a clock without the holidays would be breached; this one has used two thirds at most
        clock.advance(Duration.ofDays(10));
        given().auth().oauth2(Tokens.ops("olivia")).when().post("/api/v1/ops/sla-evaluations").then().statusCode(200);
        given().auth().oauth2(patient).when().get("/api/v1/cases/{id}/sla", caseId)
                .then().body("[0].status", equalTo("ON_TRACK"));
    }

    @Test
    void aHolidayThatIsNotADateIsRefused() {
        String tenant = "t-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.ops("olivia")).contentType(ContentType.JSON)
                .body(Map.of("tenant", tenant, "name", "Bad", "coveredSpecialties", List.of("urology"),
                        "opinionsPerMemberPerYear", 1, "recordsSlaBusinessDays", 5, "reviewSlaBusinessDays", 5,
                        "maxPanelSize", 1, "active", true, "holidays", List.of("2026-02-30")))
                .when().post("/api/v1/plans")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.ops("olivia")).queryParam("tenant", tenant).when().get("/api/v1/plans")
                .then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void completingRecordsStopsTheClockAndOnlyTheDoctorPauses() {
        Journey j = Journey.collectingRecords();
        given().auth().oauth2(j.patient).when().post("/api/v1/cases/{id}/sla/pause", j.caseId).then().statusCode(403);
        given().auth().oauth2(j.partner).when().post("/api/v1/cases/{id}/sla/pause", j.caseId).then().statusCode(403);
        j.checklistSettled();
        j.post(j.doctor, "records-complete", null);
        given().auth().oauth2(j.patient).when().get("/api/v1/cases/{id}/sla", j.caseId)
                .then().statusCode(200).body("status", hasItem("MET"));
        given().auth().oauth2(j.doctor).when().post("/api/v1/cases/{id}/sla/pause", j.caseId).then().statusCode(409);
    }
}
