package io.consilium.document.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.consilium.platform.testing.Broker;
import io.consilium.document.support.CaseFacts;
import io.consilium.document.support.Fixtures;
import io.consilium.platform.testing.Tokens;
import io.consilium.document.support.Tus;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every read and write of records is on the audit topic, refusals included. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class AuditTest {

    private final KafkaCompanion kafka = Broker.companion();

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void uploadsReadsDownloadsAndRefusalsAreAudited() {
        CaseFacts facts = new CaseFacts(kafka).submittedAndAssigned("oncology");
        String document = Tus.document(facts.patientToken(), facts.caseId, Fixtures.pdf(77), Tus.metadata("r.pdf", null));
        given().auth().oauth2(facts.managerToken()).when().get("/api/v1/documents/{id}", document).then().statusCode(200);
        given().auth().oauth2(facts.managerToken()).when().get("/api/v1/documents/{id}/content", document).then().statusCode(200);
        given().auth().oauth2(Tokens.specialist("s-intruder")).when().get("/api/v1/documents/{id}/content", document)
                .then().statusCode(404);

        List<JsonNode> audit = Broker.readUntil(kafka, "consilium.audit",
                        seen -> seen.stream().filter(r -> facts.caseId.equals(r.key())).count() >= 6, Duration.ofSeconds(30))
                .stream().filter(r -> facts.caseId.equals(r.key())).map(r -> Broker.json(r.value())).toList();
        assertThat(audit).extracting(a -> a.get("action").asText() + ":" + a.get("objectType").asText() + ":"
                        + a.get("role").asText() + ":" + a.get("allowed").asBoolean())
                .containsExactly("CREATE:upload:patient:true", "UPLOAD:upload:patient:true",
                        "CREATE:document:patient:true", "READ:document:case-manager:true",
                        "DOWNLOAD:document:case-manager:true", "DOWNLOAD:document:specialist:false");
        assertThat(audit.get(2).get("objectId").asText()).isEqualTo(document);
        assertThat(audit.get(5).get("purpose").asText()).isEqualTo("not visible to caller");
        assertThat(audit).allSatisfy(a -> assertThat(a.toString()).doesNotContain("r.pdf"));
    }
}
