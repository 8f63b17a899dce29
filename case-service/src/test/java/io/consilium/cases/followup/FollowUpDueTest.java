package io.consilium.cases.followup;

import io.consilium.cases.domain.FollowUp;
import io.consilium.cases.support.Journey;
import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.TestClock;
import io.consilium.platform.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

/**
 * A check-in that falls due without an outcome is announced once, on the moved clock, even when two evaluations
 * race; recorded and not yet due ones are not; a closed case's are not.
 */
@QuarkusTest
class FollowUpDueTest {

    private static final String DUE = "consilium.case.follow-up-due.v1";

    @Inject
    TestClock clock;

    private final KafkaCompanion kafka = Broker.companion();

    @AfterEach
    void resetClock() {
        clock.reset();
        kafka.close();
    }

    @Test
    void aDueCheckInWithoutOutcomeIsAnnouncedOnceWithIdsOnly() throws Exception {
        Journey j = Journey.delivered();
        List<String> followUps = schedule(j, List.of(10, 20, 40));
        given().auth().oauth2(j.doctor).contentType(ContentType.JSON)
                .body(Map.of("treatmentChosen", "Surgery", "opinionFollowed", "YES"))
                .when().post("/api/v1/cases/{id}/follow-ups/{f}/outcome", j.caseId, followUps.get(0))
                .then().statusCode(200);

        clock.advance(Duration.ofDays(25));
        // two evaluations at once (two instances, or the schedule and ops): each due row goes to one of them
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return given().auth().oauth2(Tokens.ops("olivia")).when().post("/api/v1/ops/follow-up-checks")
                        .then().statusCode(200).extract().<Integer>path("announced");
            }));
        }
        for (CompletableFuture<Integer> run : runs) {
            run.get();
        }
        given().auth().oauth2(Tokens.ops("olivia")).when().post("/api/v1/ops/follow-up-checks").then().statusCode(200);

        // one announcement written, whatever the races and the later runs
        assertThat(announcementsInOutbox(j)).isEqualTo(1);
        var events = Broker.readUntil(kafka, "consilium.case.events", rs -> dueOf(rs, j).size() >= 1,
                Duration.ofSeconds(30));
        var due = dueOf(events, j);
        assertThat(due).hasSize(1);
        var payload = Broker.json(due.get(0).value());
        assertThat(payload.get("followUpId").asText()).isEqualTo(followUps.get(1));
        assertThat(payload.get("caseId").asText()).isEqualTo(j.caseId);
        assertThat(payload.get("tenant").asText()).isEqualTo(j.tenant);
        assertThat(payload.get("dueAt").asText()).isNotBlank();
        List<String> fields = new ArrayList<>();
        for (Iterator<String> names = payload.fieldNames(); names.hasNext(); ) {
            fields.add(names.next());
        }
        assertThat(fields).containsExactlyInAnyOrder("caseId", "tenant", "followUpId", "dueAt", "announcedAt");
        assertThat(Broker.header(due.get(0), "ce_tenant")).isEqualTo(j.tenant);
        assertThat(Broker.header(due.get(0), "ce_subject")).isEqualTo(j.caseId);
    }

    @Test
    void aClosedCasesCheckInsAreNotAnnounced() {
        Journey j = Journey.delivered();
        schedule(j, List.of(5));
        given().auth().oauth2(j.doctor).when().post("/api/v1/cases/{id}/close", j.caseId).then().statusCode(200);
        Journey open = Journey.delivered();
        schedule(open, List.of(5));

        clock.advance(Duration.ofDays(6));
        given().auth().oauth2(Tokens.ops("olivia")).when().post("/api/v1/ops/follow-up-checks").then().statusCode(200);

        var events = Broker.readUntil(kafka, "consilium.case.events", rs -> dueOf(rs, open).size() >= 1,
                Duration.ofSeconds(30));
        assertThat(dueOf(events, j)).isEmpty();
        assertThat(announcementsInOutbox(j)).isZero();
    }

    private static long announcementsInOutbox(Journey j) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) FollowUp.getEntityManager()
                .createNativeQuery("select count(*) from outbox_event where subject = ?1 and type = ?2")
                .setParameter(1, j.caseId).setParameter(2, DUE).getSingleResult()).longValue());
    }

    private static List<ConsumerRecord<String, String>> dueOf(List<ConsumerRecord<String, String>> records, Journey j) {
        return records.stream().filter(r -> j.caseId.equals(r.key()) && DUE.equals(Broker.header(r, "ce_type"))).toList();
    }

    private static List<String> schedule(Journey j, List<Integer> days) {
        return given().auth().oauth2(j.doctor).contentType(ContentType.JSON).body(Map.of("daysAfterReport", days))
                .when().post("/api/v1/cases/{id}/follow-ups", j.caseId)
                .then().statusCode(201).body("$", hasSize(days.size())).extract().path("id");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
