package io.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One answer of the suite: status, headers and body, with the checks every story makes of it. */
public record Reply(String method, String url, int status, Map<String, List<String>> headers, byte[] body) {

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
        try {
            return Suite.JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(this + ": not JSON", e);
        }
    }

    public Optional<String> header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst();
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    /** This answer, when its status is one of {@code expected}; else an assertion error naming the call and body. */
    public Reply expect(int... expected) {
        if (Arrays.stream(expected).noneMatch(s -> s == status)) {
            throw new AssertionError(this + ", expected " + Arrays.toString(expected));
        }
        return this;
    }

    /** The JSON body of an answer with one of the statuses. */
    public JsonNode json(int... expected) {
        return expect(expected).json();
    }

    /** A refusal as RFC 9457 says: the status, {@code application/problem+json}, and a body whose status agrees. */
    public JsonNode problem(int expected) {
        expect(expected);
        if (!contentType().startsWith("application/problem+json")) {
            throw new AssertionError(this + ": a refusal that is not application/problem+json (" + contentType() + ")");
        }
        JsonNode problem = json();
        if (problem.path("status").asInt() != expected || problem.path("title").asText().isBlank()) {
            throw new AssertionError(this + ": problem body without the status or a title");
        }
        return problem;
    }

    @Override
    public String toString() {
        String shown = text();
        return method + " " + url + " -> " + status + " " + (shown.length() > 600 ? shown.substring(0, 600) + "..." : shown);
    }
}
