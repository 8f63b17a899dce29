package io.consilium.notification.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * FCM's HTTP v1 API as a local stand-in (WireMock), answering as Google's error reference shows: tokens starting
 * {@code gone-} are UNREGISTERED (404), {@code bad-} not valid registration tokens (400 INVALID_ARGUMENT with the
 * FcmError detail), every other one is sent. The service runs its FCM sender against it with a static token.
 * Applies to every {@code @QuarkusTest} of the module (one Quarkus start).
 */
public class FcmStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String PROJECT = "consilium-test";
    public static final String ACCESS_TOKEN = "static-fcm-test-token";
    public static final String SEND = "/v1/projects/" + PROJECT + "/messages:send";
    private static WireMockServer server;

    static String error(int code, String status, String errorCode, String message) {
        return """
                {"error":{"code":%d,"message":"%s","status":"%s","details":[
                 {"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"%s"}]}}"""
                .formatted(code, message, status, errorCode);
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(post(urlEqualTo(SEND)).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"name\":\"projects/" + PROJECT + "/messages/0:1500415314455276%31bd1c9631bd1c96\"}")));
        server.stubFor(post(urlEqualTo(SEND)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.message.token", matching("gone-.*")))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody(error(404, "NOT_FOUND", "UNREGISTERED", "Requested entity was not found."))));
        server.stubFor(post(urlEqualTo(SEND)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.message.token", matching("bad-.*")))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(error(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT",
                                "The registration token is not a valid FCM registration token"))));
        return Map.of(
                "consilium.push.sender", "fcm",
                "consilium.push.fcm.base-url", server.baseUrl(),
                "consilium.push.fcm.project-id", PROJECT,
                "consilium.push.fcm.static-token", ACCESS_TOKEN);
    }

    /** The pushes FCM was asked to send to a token. */
    public static List<LoggedRequest> sentTo(String token) {
        return server.findAll(postRequestedFor(urlEqualTo(SEND))
                .withRequestBody(matchingJsonPath("$.message.token", WireMock.equalTo(token))));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
