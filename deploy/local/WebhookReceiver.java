import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A partner's webhook receiver for the local demo (partner-acme): verifies every delivery as the Standard Webhooks
 * specification says (HMAC-SHA256 over "id.timestamp.body" with the whsec_ secret, any of the space-separated
 * v1 signatures, timestamp within 5 minutes), drops a webhook-id it has seen, answers 204, and prints one line per
 * delivery. Run: java deploy/local/WebhookReceiver.java <port> <whsec_secret> (see webhook-receiver.sh).
 */
public class WebhookReceiver {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byte[] key = Base64.getDecoder().decode(args[1].replaceFirst("^whsec_", ""));
        Set<String> seen = ConcurrentHashMap.newKeySet();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.createContext("/", exchange -> {
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String ts = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String verdict = verify(key, id, ts, signatures, body);
            int status = verdict == null ? 204 : 401;
            String line;
            if (verdict != null) {
                line = "REFUSED  " + id + " " + verdict;
            } else if (!seen.add(id)) {
                line = "DUPLICATE " + id + " (dropped)";
            } else {
                line = "VERIFIED " + id + " " + body;
            }
            System.out.println(Instant.now() + " " + line);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        System.out.println("partner webhook receiver on http://127.0.0.1:" + port + "/hook");
    }

    static String verify(byte[] key, String id, String ts, String header, String body) {
        if (id == null || ts == null || header == null) {
            return "missing webhook headers";
        }
        long sent;
        try {
            sent = Long.parseLong(ts);
        } catch (NumberFormatException e) {
            return "bad timestamp";
        }
        if (Math.abs(Instant.now().getEpochSecond() - sent) > 300) {
            return "timestamp outside the 5 minute tolerance";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + ts + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String s : header.split(" ")) {
                if (s.startsWith("v1,") && MessageDigest.isEqual(expected, Base64.getDecoder().decode(s.substring(3)))) {
                    return null;
                }
            }
        } catch (Exception e) {
            return "cannot verify: " + e.getClass().getSimpleName();
        }
        return "no signature matches";
    }
}
