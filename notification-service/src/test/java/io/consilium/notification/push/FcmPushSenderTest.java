package io.consilium.notification.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** The FCM HTTP v1 sender against WireMock, with the answers Google's reference documents. */
class FcmPushSenderTest {

    static final String SEND = "/v1/projects/demo-project/messages:send";
    static WireMockServer fcm;
    final AtomicInteger invalidated = new AtomicInteger();
    FcmPushSender sender;

    @BeforeAll
    static void start() {
        fcm = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        fcm.start();
    }

    @AfterAll
    static void stop() {
        fcm.stop();
    }

    @BeforeEach
    void fresh() {
        fcm.resetAll();
        // a generous timeout: the first requests of a cold JVM on a busy machine take seconds; the timeout test
        // uses a sender of its own with a short one
        sender = sender(Duration.ofSeconds(20));
    }

    FcmPushSender sender(Duration timeout) {
        AccessTokens tokens = new AccessTokens() {
            @Override
            public String token() {
                return "ya29.test-token";
            }

            @Override
            public void invalidate() {
                invalidated.incrementAndGet();
            }
        };
        return new FcmPushSender(HttpClient.newHttpClient(), fcm.baseUrl() + "/", "demo-project", tokens, timeout,
                new ObjectMapper());
    }

    static PushMessage message(String token) {
        return new PushMessage(token, "Consilium", "Su segunda opinión está lista", Map.of("caseId", "c-1"));
    }

    void answer(int status, String body) {
        fcm.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    static String fcmError(int code, String status, String errorCode) {
        return "{\"error\":{\"code\":" + code + ",\"message\":\"m\",\"status\":\"" + status + "\",\"details\":[{\"@type\":"
                + "\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",\"errorCode\":\"" + errorCode + "\"}]}}";
    }

    @Test
    void aMessageIsPostedToTheProjectWithTheBearerTokenAndTheDocumentedBody() {
        answer(200, "{\"name\":\"projects/demo-project/messages/0:1\"}");
        assertThat(sender.send(message("device-1")).outcome()).isEqualTo(PushResult.Outcome.SENT);
        fcm.verify(1, postRequestedFor(urlEqualTo(SEND))
                .withHeader("Authorization", equalTo("Bearer ya29.test-token"))
                .withRequestBody(equalToJson("""
                        {"message":{"token":"device-1","notification":{"title":"Consilium",
                         "body":"Su segunda opinión está lista"},"data":{"caseId":"c-1"}}}""")));
    }

    @Test
    void anUnregisteredTokenIsGone() {
        answer(404, fcmError(404, "NOT_FOUND", "UNREGISTERED"));
        assertThat(sender.send(message("device-1")))
                .isEqualTo(PushResult.of(PushResult.Outcome.TOKEN_GONE, "FCM HTTP 404 UNREGISTERED"));
    }

    @Test
    void anInvalidRegistrationTokenIsGoneButAnInvalidMessageFieldIsARefusal() {
        answer(400, fcmError(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT"));
        assertThat(sender.send(message("not-a-token")).outcome()).isEqualTo(PushResult.Outcome.TOKEN_GONE);
        // Google's first example: a bad value in the data, reported as a google.rpc.BadRequest; the token is fine
        answer(400, """
                {"error":{"code":400,"message":"Invalid value at 'message.data[0].value' (TYPE_STRING), 12",
                 "status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.BadRequest",
                 "fieldViolations":[{"field":"message.data[0].value","description":"Invalid value"}]}]}}""");
        assertThat(sender.send(message("device-1")).outcome()).isEqualTo(PushResult.Outcome.REJECTED);
        // a 404 without the FcmError (a wrong project): not the token's fault
        answer(404, "{\"error\":{\"code\":404,\"status\":\"NOT_FOUND\"}}");
        assertThat(sender.send(message("device-1")).outcome()).isEqualTo(PushResult.Outcome.REJECTED);
    }

    @Test
    void unavailableQuotaAndTimeoutsAreRetriedAndA401RefreshesTheAccessToken() {
        answer(503, fcmError(503, "UNAVAILABLE", "UNAVAILABLE"));
        assertThat(sender.send(message("device-1")).outcome()).isEqualTo(PushResult.Outcome.RETRY);
        answer(429, fcmError(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED"));
        assertThat(sender.send(message("device-1")).outcome()).isEqualTo(PushResult.Outcome.RETRY);
        assertThat(invalidated).hasValue(0);
        answer(401, fcmError(401, "UNAUTHENTICATED", "THIRD_PARTY_AUTH_ERROR"));
        assertThat(sender.send(message("device-1")).outcome()).isEqualTo(PushResult.Outcome.RETRY);
        assertThat(invalidated).hasValue(1);
        fcm.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(200).withFixedDelay(5000)));
        assertThat(sender(Duration.ofMillis(300)).send(message("device-1")))
                .isEqualTo(PushResult.of(PushResult.Outcome.RETRY, "FCM: HttpTimeoutException"));
    }

    @Test
    void theLoggingSenderSendsNothingAndSaysSo() {
        assertThat(new LoggingPushSender().send(message("device-1")).outcome()).isEqualTo(PushResult.Outcome.SENT);
        fcm.verify(0, postRequestedFor(urlEqualTo(SEND)));
    }
}
