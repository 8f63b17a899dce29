package io.consilium.notification.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Firebase Cloud Messaging's HTTP v1 API: {@code POST <base>/v1/projects/<project>/messages:send} with
 * {@code {"message":{"token", "notification":{title, body}, "data"}}} and an OAuth2 bearer token. Answers are read
 * as Google's error reference describes them: the {@code google.firebase.fcm.v1.FcmError} detail's
 * {@code errorCode} UNREGISTERED (404: the app was uninstalled or the token expired) or INVALID_ARGUMENT (400
 * with that detail: not a valid registration token) means the token is gone; a 400 without it (a
 * {@code google.rpc.BadRequest} about a field of our message) or another 403/404 is a refusal of the message;
 * 401 (our token expired), 429, 5xx and transport failures are retried.
 */
public class FcmPushSender implements PushSender {

    static final String FCM_ERROR = "type.googleapis.com/google.firebase.fcm.v1.FcmError";

    private final HttpClient http;
    private final URI endpoint;
    private final AccessTokens tokens;
    private final Duration timeout;
    private final ObjectMapper json;

    public FcmPushSender(HttpClient http, String baseUrl, String projectId, AccessTokens tokens, Duration timeout,
                         ObjectMapper json) {
        this.http = http;
        this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/v1/projects/" + projectId + "/messages:send");
        this.tokens = tokens;
        this.timeout = timeout;
        this.json = json;
    }

    @Override
    public PushResult send(PushMessage message) {
        String bearer;
        try {
            bearer = tokens.token();
        } catch (RuntimeException e) {
            return PushResult.of(PushResult.Outcome.RETRY, "no access token: " + e.getMessage());
        }
        HttpRequest request;
        try {
            byte[] body = json.writeValueAsBytes(Map.of("message", Map.of("token", message.token(),
                    "notification", Map.of("title", message.title(), "body", message.body()),
                    "data", message.data())));
            request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                    .header("Authorization", "Bearer " + bearer)
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        } catch (IOException e) {
            throw new IllegalStateException("Push message not serialisable", e);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return PushResult.of(PushResult.Outcome.RETRY, "FCM: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PushResult.of(PushResult.Outcome.RETRY, "FCM: interrupted");
        }
        return judge(response.statusCode(), response.body());
    }

    PushResult judge(int status, String body) {
        if (status >= 200 && status < 300) {
            return PushResult.sent();
        }
        String errorCode = errorCode(body);
        String detail = "FCM HTTP " + status + (errorCode == null ? "" : " " + errorCode);
        if ("UNREGISTERED".equals(errorCode) || (status == 400 && "INVALID_ARGUMENT".equals(errorCode))) {
            return PushResult.of(PushResult.Outcome.TOKEN_GONE, detail);
        }
        if (status == 401) {
            tokens.invalidate();
            return PushResult.of(PushResult.Outcome.RETRY, detail);
        }
        if (status == 429 || status >= 500) {
            return PushResult.of(PushResult.Outcome.RETRY, detail);
        }
        return PushResult.of(PushResult.Outcome.REJECTED, detail);
    }

    /** The FcmError detail's errorCode, or null (another detail type, or no JSON at all). */
    private String errorCode(String body) {
        try {
            JsonNode details = json.readTree(body == null ? "" : body).path("error").path("details");
            for (JsonNode detail : details) {
                if (FCM_ERROR.equals(detail.path("@type").asText())) {
                    return detail.path("errorCode").asText(null);
                }
            }
        } catch (IOException e) {
            // an answer that is not Google's JSON error (a proxy's page): judged by its status alone
        }
        return null;
    }
}
