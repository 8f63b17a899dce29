package io.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A partner's webhook receiver inside the test: an HTTP server on a free loopback port, registered as an endpoint
 * of the partner through the gateway, that verifies each delivery as the Standard Webhooks specification says
 * (HMAC-SHA256 over {@code id.timestamp.body} with the endpoint's {@code whsec_} secret, timestamp within 5 minutes)
 * and keeps every delivery it got. Closing it deletes the endpoint, so a later run never gets this one's deliveries.
 */
public final class PartnerReceiver implements AutoCloseable {

    /** One delivery as received; {@code verdict} is null when its signature and timestamp verified. */
    public record Delivery(String webhookId, String verdict, String body) {
        public boolean verified() {
            return verdict == null;
        }

        public JsonNode json() {
            try {
                return Suite.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("a webhook body that is not JSON: " + body, e);
            }
        }

        public String type() {
            return json().path("type").asText();
        }

        public String caseId() {
            return json().path("data").path("caseId").asText();
        }
    }

    private final HttpServer server;
    private final Caller partner;
    private final String endpointId;
    private final byte[] key;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    private PartnerReceiver(Caller partner, List<String> eventTypes) throws IOException {
        this.partner = partner;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/hook", exchange -> {
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String verdict = verify(id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body);
            deliveries.add(new Delivery(id, verdict, body));
            exchange.sendResponseHeaders(verdict == null ? 204 : 401, -1);
            exchange.close();
        });
        server.start();
        String types = Suite.JSON.writeValueAsString(eventTypes);
        JsonNode endpoint = partner.post("/api/v1/webhook-endpoints", """
                {"url":"http://127.0.0.1:%d/hook","eventTypes":%s,"description":"e2e receiver"}"""
                .formatted(server.getAddress().getPort(), types)).json(201);
        endpointId = endpoint.path("id").asText();
        key = Base64.getDecoder().decode(endpoint.path("secret").asText().replaceFirst("^whsec_", ""));
    }

    /** A receiver for every event type a partner may subscribe to. */
    public static PartnerReceiver start(Caller partner) throws IOException {
        JsonNode types = partner.get("/api/v1/webhook-endpoints/event-types").json(200);
        List<String> names = new java.util.ArrayList<>();
        (types.isArray() ? types : types.path("items")).forEach(t -> names.add(t.isTextual() ? t.asText() : t.path("type").asText()));
        return new PartnerReceiver(partner, names);
    }

    public String endpointId() {
        return endpointId;
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public List<Delivery> about(String caseId) {
        return deliveries.stream().filter(d -> d.verified() && caseId.equals(d.caseId())).toList();
    }

    private String verify(String id, String timestamp, String signatures, String body) {
        if (id == null || timestamp == null || signatures == null) {
            return "missing webhook headers";
        }
        long sent;
        try {
            sent = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return "bad timestamp";
        }
        if (Math.abs(Instant.now().getEpochSecond() - sent) > 300) {
            return "timestamp outside the 5 minute tolerance";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String signature : signatures.split(" ")) {
                if (signature.startsWith("v1,") && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                    return null;
                }
            }
        } catch (Exception e) {
            return "cannot verify: " + e;
        }
        return "no signature matches";
    }

    @Override
    public void close() {
        partner.delete("/api/v1/webhook-endpoints/" + endpointId);
        server.stop(0);
    }
}
