package io.consilium.document.api;

import io.consilium.document.support.CaseFacts;
import io.consilium.document.support.Fixtures;
import io.consilium.document.support.Tus;
import io.consilium.platform.testing.Broker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** tus over a real connection: a cut connection keeps what arrived, and the upload resumes from there. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class UploadResumeTest {

    private final KafkaCompanion kafka = Broker.companion();

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void uploadResumesAfterTheConnectionIsCut() throws Exception {
        CaseFacts facts = new CaseFacts(kafka).submittedAndAssigned("oncology");
        String token = facts.patientToken();
        byte[] file = Fixtures.pdfOfSize(600_000);
        int cut = 250_000;
        Map<String, String> metadata = Tus.metadata("scan.pdf", "application/pdf");
        metadata.put("sha256", Tus.sha256(file));
        String upload = Tus.created(token, facts.caseId, file.length, metadata);
        assertThat(Tus.offset(token, upload)).isZero();

        // Send the headers, wait for 100 Continue as curl does, send part of the body, close the connection.
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + upload + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\nContent-Type: application/offset+octet-stream"
                    + "\r\nExpect: 100-continue\r\nContent-Length: " + file.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(20_000);
            byte[] interim = new byte[25];
            int got = 0;
            while (got < interim.length) {
                got += socket.getInputStream().read(interim, got, interim.length - got);
            }
            assertThat(new String(interim, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 100 Continue");
            out.write(file, 0, cut);
            out.flush();
        }
        // Everything that arrived before the connection ended is kept.
        await().atMost(Duration.ofSeconds(20)).until(() -> Tus.offset(token, upload) == cut);

        // The server notices the reset, keeps the part, and the client resumes from HEAD's offset.
        AtomicReference<String> document = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            long offset = Tus.offset(token, upload);
            var answer = Tus.patch(token, upload, offset, Arrays.copyOfRange(file, (int) offset, file.length))
                    .extract();
            if (answer.statusCode() == 204) {
                document.set(answer.header("Document-Id"));
                assertThat(answer.header("Upload-Offset")).isEqualTo(Integer.toString(file.length));
                return true;
            }
            assertThat(answer.statusCode()).as("only 'append in progress' may be retried").isEqualTo(409);
            return false;
        });

        byte[] stored = given().auth().oauth2(token).when().get("/api/v1/documents/{id}/content", document.get())
                .then().statusCode(200).header("Accept-Ranges", "bytes")
                .extract().asByteArray();
        assertThat(stored).isEqualTo(file);
        given().auth().oauth2(token).when().get("/api/v1/documents/{id}", document.get())
                .then().statusCode(200)
                .body("sha256", equalTo(Tus.sha256(file)))
                .body("sizeBytes", equalTo(file.length))
                .body("contentType", equalTo("application/pdf"));
        given().auth().oauth2(token).when().get(upload).then().statusCode(200)
                .body("state", equalTo("COMPLETED")).body("documentId", equalTo(document.get()));
    }

    @Test
    void clientGoneBeforeTheAppendIsAdmittedDoesNotLockTheUpload() throws Exception {
        CaseFacts facts = new CaseFacts(kafka).submittedAndAssigned("oncology");
        String token = facts.patientToken();
        byte[] file = Fixtures.pdfOfSize(100_000);
        String upload = Tus.created(token, facts.caseId, file.length, Tus.metadata("x.pdf", null));
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.getOutputStream().write(("PATCH " + upload + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + token + "\r\nUpload-Offset: 0\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: "
                    + file.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(file, 0, 1000);
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            long offset = Tus.offset(token, upload);
            int status = Tus.patch(token, upload, offset, Arrays.copyOfRange(file, (int) offset, file.length))
                    .extract().statusCode();
            assertThat(status).isIn(204, 409);
            return status == 204;
        });
    }

    @Test
    void appendsInSeveralRequestsAndRangesAreServed() {
        CaseFacts facts = new CaseFacts(kafka).submittedAndAssigned("cardiology");
        String token = facts.managerToken();
        byte[] file = Fixtures.pdfOfSize(300_000);
        String upload = Tus.created(token, facts.caseId, file.length, Tus.metadata("echo.pdf", null));
        Tus.patch(token, upload, 0, Arrays.copyOfRange(file, 0, 100_000))
                .statusCode(204).header("Upload-Offset", "100000").header("Tus-Resumable", "1.0.0");
        Tus.patch(token, upload, 50_000, Arrays.copyOfRange(file, 50_000, 60_000))
                .statusCode(409).contentType("application/problem+json");
        String document = Tus.patch(token, upload, 100_000, Arrays.copyOfRange(file, 100_000, file.length))
                .statusCode(204).extract().header("Document-Id");

        byte[] range = given().auth().oauth2(token).header("Range", "bytes=1000-1999")
                .when().get("/api/v1/documents/{id}/content", document)
                .then().statusCode(206).header("Content-Range", "bytes 1000-1999/300000")
                .extract().asByteArray();
        assertThat(range).isEqualTo(Arrays.copyOfRange(file, 1000, 2000));
        given().auth().oauth2(token).header("Range", "bytes=300000-")
                .when().get("/api/v1/documents/{id}/content", document)
                .then().statusCode(416).header("Content-Range", "bytes */300000")
                .contentType("application/problem+json");
        Tus.patch(token, upload, file.length, new byte[]{1}).statusCode(409);
    }
}
