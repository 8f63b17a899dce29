package io.consilium.report.api;

import io.consilium.platform.testing.Tokens;
import io.consilium.report.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many refused reads at once, three times as many as the database pool has connections: every one is answered 404 in
 * time and every refusal is on record. (A refusal recorded in a new transaction while the request's own still held
 * its connection needed a second connection per request: with the pool full of such requests each waited for the
 * pool's acquisition timeout and answered 500.)
 */
@QuarkusTest
class ConcurrentRefusalsTest {

    @Inject
    Db db;

    @ConfigProperty(name = "quarkus.datasource.jdbc.max-size", defaultValue = "20")
    int poolSize;

    @Test
    void refusalsBeyondThePoolSizeAreAllAnsweredAndAllOnRecord() throws Exception {
        String partner = Tokens.partner("acme");
        int requests = poolSize * 3;
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            cases.add(UUID.randomUUID().toString());
        }
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            long start = System.nanoTime();
            List<Future<Integer>> answers = new ArrayList<>();
            for (String caseId : cases) {
                answers.add(pool.submit(() -> given().auth().oauth2(partner).get("/api/v1/cases/{id}/reports", caseId)
                        .statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(404);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("well within the pool's 5 s acquisition timeout")
                    .isLessThan(Duration.ofSeconds(5));
        } finally {
            pool.shutdownNow();
        }
        for (String caseId : cases) {
            assertThat(db.count("select count(*) from outbox_event where subject = ?1 and type = "
                    + "'consilium.audit.access-recorded.v1' and payload->>'allowed' = 'false'", caseId))
                    .as("the refusal of " + caseId).isEqualTo(1);
        }
    }
}
