package io.consilium.specialist.support;

import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.Tokens;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Review requests as case-service publishes them, and waiting for their effect through ops' panel view. */
public final class Panels {

    public static final String REVIEW_REQUESTED = "consilium.case.review-requested.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Panels() {
    }

    public static Map<String, Object> reviewRequest(String caseId, String tenant, String specialty, int panelSize) {
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", caseId);
        body.put("tenant", tenant);
        body.put("requestedSpecialty", specialty);
        body.put("subspecialty", "uro-oncology");
        body.put("diagnosisIcd10", "C61");
        body.put("preferredLanguage", "es");
        body.put("countryOfResidence", "ES");
        body.put("treatingInstitution", "Hospital Central");
        body.put("panelSize", panelSize);
        body.put("allowedCountries", List.of());
        body.put("dueBy", Instant.now().plus(Duration.ofDays(10)).toString());
        body.put("requestedAt", Instant.now().toString());
        body.put("someFutureField", "ignored");
        return body;
    }

    public static void publish(KafkaCompanion kafka, UUID eventId, String type, String caseId, String tenant,
                               Map<String, Object> body) {
        try {
            Broker.publish(kafka, "consilium.case.events", eventId, type, caseId, tenant, JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until ops see the case's panel with {@code invitations} invitations; returns them as maps. */
    public static List<Map<String, Object>> awaitInvitations(String caseId, int invitations) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = given().auth().oauth2(Tokens.ops("ops-1")).when().get("/api/v1/cases/{id}/panel", caseId);
            return response.statusCode() == 200
                    && response.jsonPath().getList("invitations").size() >= invitations;
        });
        return panel(caseId).get("invitations") instanceof List<?> l ? castList(l) : List.of();
    }

    public static Map<String, Object> panel(String caseId) {
        return given().auth().oauth2(Tokens.ops("ops-1")).when().get("/api/v1/cases/{id}/panel", caseId)
                .then().statusCode(200).extract().jsonPath().getMap("");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> castList(List<?> list) {
        return (List<Map<String, Object>>) list;
    }
}
