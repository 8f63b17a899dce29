package io.consilium.document.api;

import io.consilium.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chunked body declares no length, so the platform's guard reads it with the same limit as a declared one
 * ({@code consilium.http.max-body-size}, 256K here) and answers problem+json when it is over, instead of the
 * empty 413 the REST layer would give; a small chunked body reaches the resource as usual.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ChunkedBodyLimitTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void aChunkedBodyOverTheCeilingIsRefusedWithProblemJson() throws Exception {
        HttpResponse<String> response = postChunked("{\"note\":\"" + " ".repeat(400 * 1024) + "\"}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":413").contains("payload-too-large");
    }

    @Test
    void aSmallChunkedBodyIsReadAsUsual() throws Exception {
        HttpResponse<String> response = postChunked("{\"note\": 42"); // malformed on purpose: proves it was parsed

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("not well-formed JSON");
    }

    private HttpResponse<String> postChunked(String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/cases/" + UUID.randomUUID() + "/specimens"))
                .header("Authorization", "Bearer " + Tokens.caseManager("dr-" + UUID.randomUUID(), "t-chunked"))
                .header("Content-Type", "application/json")
                // an InputStream of unknown length is sent with Transfer-Encoding: chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }
}
