package io.consilium.specialist.api;

import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Adding or replacing a provider announces it, so other services can check provider ids against its tenant. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ProviderEventsTest {

    private static final String TYPE = "consilium.specialist.provider-changed.v1";

    private final KafkaCompanion kafka = Broker.companion();

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void addingAndReplacingAProviderIsPublishedWithItsTenant() {
        String tenant = "t-" + UUID.randomUUID();
        String moved = "t-" + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(Map.of("tenant", tenant, "kind", "FACILITY", "name", "Clinica",
                "specialty", "urology", "city", "Madrid", "country", "ES", "languages", List.of("es")));
        body.put("treatments", List.of("RADICAL_PROSTATECTOMY", "BRACHYTHERAPY"));
        body.put("networks", List.of("premium"));
        String id = given().auth().oauth2(Tokens.ops("ops-1")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/providers").then().statusCode(201).extract().path("id");
        body.put("tenant", moved);
        given().auth().oauth2(Tokens.ops("ops-1")).contentType(ContentType.JSON).body(body).header("If-Match", "\"0\"")
                .when().put("/api/v1/providers/{id}", id).then().statusCode(200);

        List<ConsumerRecord<String, String>> events = Broker.readUntil(kafka, "consilium.specialist.events",
                seen -> seen.stream().filter(r -> id.equals(r.key())).count() >= 2, Duration.ofSeconds(30))
                .stream().filter(r -> id.equals(r.key())).toList();
        assertThat(events).extracting(r -> Broker.header(r, "ce_type")).containsOnly(TYPE);
        assertThat(events).extracting(r -> Broker.header(r, "ce_subject")).containsOnly(id);
        assertThat(events).extracting(r -> Broker.header(r, "ce_tenant")).containsExactly(tenant, moved);
        assertThat(events).extracting(r -> Broker.json(r.value()).get("tenant").asText()).containsExactly(tenant, moved);
        assertThat(Broker.json(events.get(0).value()).get("providerId").asText()).isEqualTo(id);
        // what it offers travels with it, so case-service can check a follow-up's provider against a treatment
        assertThat(Broker.json(events.get(1).value()).get("treatments")).extracting(n -> n.asText())
                .containsExactly("RADICAL_PROSTATECTOMY", "BRACHYTHERAPY");
        assertThat(Broker.json(events.get(1).value()).get("networks")).extracting(n -> n.asText())
                .containsExactly("premium");
    }
}
