package io.consilium.report.lifecycle;

import io.consilium.platform.testing.Broker;
import io.consilium.report.support.Panel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** After release the patient asks up to three follow-up questions; the specialist answers them as addenda. */
@QuarkusTest
class AddendaTest {

    private final KafkaCompanion kafka = Broker.companion();

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void anAnswerIsANewImmutableVersionAndIsPublished() throws IOException {
        Panel p = Panel.released(kafka, "en");
        String report = p.reportIds.get(0);
        String hash = given().auth().oauth2(p.patient).get("/api/v1/reports/{id}/versions/1", report).then()
                .extract().path("sha256");
        String question = given().auth().oauth2(p.patient).contentType(ContentType.JSON)
                .body(Map.of("question", "How often should the PSA be measured?"))
                .post("/api/v1/reports/{id}/follow-up-questions", report).then().statusCode(201).extract().path("id");
        // Only the writer answers.
        given().auth().oauth2(p.doctor).contentType(ContentType.JSON).body(Map.of("answer", "x"))
                .post("/api/v1/reports/{id}/follow-up-questions/{q}/answer", report, question).then().statusCode(403);
        given().auth().oauth2(p.specialists.get(0)).contentType(ContentType.JSON)
                .body(Map.of("answer", "Every six months for two years"))
                .post("/api/v1/reports/{id}/follow-up-questions/{q}/answer", report, question).then().statusCode(200)
                .body("number", equalTo(2)).body("kind", equalTo("ADDENDUM"))
                .body("content.answer", equalTo("Every six months for two years"));
        given().auth().oauth2(p.specialists.get(0)).contentType(ContentType.JSON).body(Map.of("answer", "again"))
                .post("/api/v1/reports/{id}/follow-up-questions/{q}/answer", report, question).then().statusCode(409);
        given().auth().oauth2(p.patient).get("/api/v1/reports/{id}/versions", report).then()
                .body("size()", equalTo(2)).body("[0].sha256", equalTo(hash));
        String summary = OutputsTest.text(given().auth().oauth2(p.patient)
                .get("/api/v1/reports/{id}/pdf?kind=summary", report).then().statusCode(200).extract().asByteArray());
        assertThat(summary).contains("Follow-up questions", "Every six months for two years");

        var records = Broker.readUntil(kafka, "consilium.report.events", rs -> rs.stream().anyMatch(r ->
                p.caseId.equals(r.key()) && "consilium.report.addendum-added.v1".equals(
                        new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))),
                Duration.ofSeconds(30));
        var added = records.stream().filter(r -> p.caseId.equals(r.key()) && "consilium.report.addendum-added.v1"
                .equals(new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))).findFirst()
                .orElseThrow();
        assertThat(JsonPath.from(added.value()).getInt("version")).isEqualTo(2);
        assertThat(JsonPath.from(added.value()).getString("reportId")).isEqualTo(report);
    }

    @Test
    void atMostThreeQuestionsPerCaseAndNoneBeforeRelease() {
        Panel p = Panel.of(1, kafka);
        String report = p.reportIds.get(0);
        p.approved(0, "CONFIRMED", "NO", "Surveillance");
        given().auth().oauth2(p.patient).contentType(ContentType.JSON).body(Map.of("question", "Early?"))
                .post("/api/v1/reports/{id}/follow-up-questions", report).then().statusCode(404);
        p.release().statusCode(200);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(p.patient).contentType(ContentType.JSON).body(Map.of("question", "Question " + i))
                    .post("/api/v1/reports/{id}/follow-up-questions", report).then().statusCode(201);
        }
        given().auth().oauth2(p.patient).contentType(ContentType.JSON).body(Map.of("question", "A fourth"))
                .post("/api/v1/reports/{id}/follow-up-questions", report).then().statusCode(422)
                .body("type", equalTo("urn:consilium:problem:unprocessable"));
    }
}
