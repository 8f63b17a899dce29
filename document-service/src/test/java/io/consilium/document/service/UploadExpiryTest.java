package io.consilium.document.service;

import io.consilium.document.support.CaseFacts;
import io.consilium.document.support.Fixtures;
import io.consilium.document.support.Tus;
import io.consilium.platform.testing.Broker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Abandoned uploads expire and their parts are deleted; recently used ones stay. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class UploadExpiryTest {

    private final KafkaCompanion kafka = Broker.companion();

    @Inject
    UploadExpiry expiry;

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void idleUploadsExpireAndLoseTheirPart() {
        CaseFacts facts = new CaseFacts(kafka).submittedAndAssigned("oncology");
        byte[] file = Fixtures.pdfOfSize(50_000);
        String upload = Tus.created(facts.patientToken(), facts.caseId, file.length, Tus.metadata("x.pdf", null));
        Tus.patch(facts.patientToken(), upload, 0, Arrays.copyOf(file, 10_000)).statusCode(204);
        Path part = Path.of(ConfigProvider.getConfig().getValue("consilium.document.storage.root", String.class))
                .toAbsolutePath().resolve("uploads").resolve(upload.substring(upload.lastIndexOf('/') + 1) + ".part");
        assertThat(part).exists();

        expiry.expireIdleSince(Instant.now().minusSeconds(3600));
        assertThat(part).as("recently used").exists();

        assertThat(expiry.expireIdleSince(Instant.now().plusSeconds(1))).isPositive();
        assertThat(part).doesNotExist();
        given().auth().oauth2(facts.patientToken()).when().get(upload)
                .then().statusCode(200).body("state", equalTo("EXPIRED"));
        Tus.patch(facts.patientToken(), upload, 10_000, Arrays.copyOfRange(file, 10_000, file.length)).statusCode(409);
    }
}
