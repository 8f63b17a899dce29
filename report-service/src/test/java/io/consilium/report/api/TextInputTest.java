package io.consilium.report.api;

import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.Tokens;
import io.consilium.report.support.Panel;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** The platform's input policy on report drafts and report-service's parameters: 400 naming the field, never 500. */
@QuarkusTest
class TextInputTest {

    private final KafkaCompanion kafka = Broker.companion();

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void nulAndBidiOverridesInADraftAreRefusedAndTheDraftStaysAsItWas() {
        Panel p = Panel.of(1, kafka);
        Map<String, Object> content = Panel.content("REFINED", "NO", "Active surveillance");
        content.put("diagnosis", "Adenocarcinoma\u0000");
        p.saveDraft(0, content).statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("diagnosis"))
                .body("violations[0].message", containsString("U+0000"));
        content = Panel.content("REFINED", "NO", "Active surveillance");
        content.put("answers", List.of(Map.of("questionCode", "DIAGNOSIS_CORRECT", "text", "yes \u202Eon\u202C")));
        p.saveDraft(0, content).statusCode(400).body("violations[0].field", equalTo("answers[0].text"));
        given().auth().oauth2(p.specialists.get(0)).when().get("/api/v1/reports/{id}", p.reportIds.get(0))
                .then().statusCode(200).body("content.diagnosis", nullValue());
    }

    @Test
    void draftTextIsStoredInNfc() {
        Panel p = Panel.of(1, kafka);
        Map<String, Object> content = Panel.content("REFINED", "NO", "Cafe\u0301 au lait spots: no treatment");
        p.saveDraft(0, content).statusCode(200);
        given().auth().oauth2(p.specialists.get(0)).when().get("/api/v1/reports/{id}", p.reportIds.get(0))
                .then().statusCode(200).body("content.recommendedTreatment", equalTo("Caf\u00E9 au lait spots: no treatment"));
    }

    @Test
    void nulInAQueryParameterOrAPathSegmentIsRefusedNamingIt() {
        given().auth().oauth2(Tokens.ops("olivia")).urlEncodingEnabled(false)
                .when().get("/api/v1/ops/dead-letters?consumer=%00")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("consumer"));
        given().urlEncodingEnabled(false).when().get("/api/v1/shared-reports/abc%00def")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("token"));
    }
}
