package io.consilium.notification.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tests' real SMTP server (GreenMail, in process, on a free port) and a small real HTTP stand-in for Keycloak
 * (the tests run no Keycloak): its token endpoint for the service account's client credentials, and the admin
 * API's {@code GET /admin/realms/consilium/users/{id}} answering the users a test put in {@link #USERS}, 404 for
 * others, 503 while {@link #down} is set. Applies to every {@code @QuarkusTest} of the module (one Quarkus start).
 */
public class MailAndDirectory implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN = "stand-in-service-account-token";
    /** subject → {email, locale or null} */
    public static final Map<String, String[]> USERS = new ConcurrentHashMap<>();
    public static final Map<String, AtomicInteger> LOOKUPS = new ConcurrentHashMap<>();
    public static volatile boolean down;
    private static GreenMail greenMail;
    private HttpServer directory;

    public static void user(String subject, String email, String locale) {
        USERS.put(subject, new String[]{email, locale});
    }

    public static int lookups(String subject) {
        return LOOKUPS.getOrDefault(subject, new AtomicInteger()).get();
    }

    public static List<MimeMessage> mailTo(String address) {
        return java.util.Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return java.util.Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    @Override
    public Map<String, String> start() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        try {
            directory = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 20);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        directory.createContext("/token", this::token);
        directory.createContext("/admin/realms/consilium/users/", this::user);
        directory.start();
        String base = "http://127.0.0.1:" + directory.getAddress().getPort();
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(greenMail.getSmtp().getPort()),
                "consilium.contacts.admin-url", base + "/admin/realms/consilium",
                "quarkus.oidc-client.auth-server-url", base,
                "quarkus.oidc-client.discovery-enabled", "false",
                "quarkus.oidc-client.token-path", "/token");
    }

    private void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!form.contains("grant_type=client_credentials")) {
            answer(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
            return;
        }
        answer(exchange, 200, "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    }

    private void user(HttpExchange exchange) throws IOException {
        if (down) {
            answer(exchange, 503, "{}");
            return;
        }
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{}");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String subject = java.net.URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
        LOOKUPS.computeIfAbsent(subject, k -> new AtomicInteger()).incrementAndGet();
        String[] user = USERS.get(subject);
        if (user == null) {
            answer(exchange, 404, "{\"error\":\"User not found\"}");
            return;
        }
        String attributes = user[1] == null ? "{}" : "{\"locale\":[\"" + user[1] + "\"]}";
        answer(exchange, 200, "{\"id\":\"" + subject + "\",\"username\":\"" + subject + "\",\"email\":\"" + user[0]
                + "\",\"emailVerified\":true,\"attributes\":" + attributes + "}");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void stop() {
        if (directory != null) {
            directory.stop(0);
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
