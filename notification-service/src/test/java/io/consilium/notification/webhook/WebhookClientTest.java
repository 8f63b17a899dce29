package io.consilium.notification.webhook;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook client against a real HTTP server on loopback. */
class WebhookClientTest {

    Vertx vertx;
    HttpServer server;
    WebhookClient client;
    final ConcurrentLinkedQueue<String> hosts = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            try (exchange) {
                switch (path) {
                    case "/long" -> {
                        byte[] body = "é".repeat(3000).getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                    }
                    case "/slow" -> {
                        Thread.sleep(3000);
                        exchange.sendResponseHeaders(204, -1);
                    }
                    case "/moved" -> {
                        exchange.getResponseHeaders().add("Location", "http://127.0.0.1:9/elsewhere");
                        exchange.sendResponseHeaders(302, -1);
                    }
                    default -> exchange.sendResponseHeaders(204, -1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        client = new WebhookClient(vertx, Duration.ofMillis(500), Duration.ofMillis(700), 1024, 8, Runnable::run);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.stop(0);
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private WebhookResponse post(String url, InetAddress address) throws Exception {
        return client.post(url, address, Map.of("webhook-id", "msg_1"), "{}").get(10, TimeUnit.SECONDS);
    }

    private int port() {
        return server.getAddress().getPort();
    }

    @Test
    void connectsToTheCheckedAddressAndKeepsTheUrlsHostName() throws Exception {
        // a name that resolves nowhere: the request can only arrive through the address the check found
        WebhookResponse response = post("http://hooks.rebound.invalid:" + port() + "/hook", InetAddress.getLoopbackAddress());
        assertThat(response.status()).isEqualTo(204);
        assertThat(hosts).containsExactly("hooks.rebound.invalid:" + port());
    }

    @Test
    void keepsOnlyTheHeadOfALongAnswer() throws Exception {
        WebhookResponse response = post("http://127.0.0.1:" + port() + "/long", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.head().length()).isLessThanOrEqualTo(1024);
        assertThat(response.head()).startsWith("éé");
    }

    @Test
    void aSlowReceiverIsGivenUpOnAtTheDeadline() throws Exception {
        long started = System.nanoTime();
        WebhookResponse response = post("http://127.0.0.1:" + port() + "/slow", null);
        assertThat(response.status()).isNull();
        assertThat(response.error()).isEqualTo("timed out");
        // the deadline is connect (500 ms) plus read (700 ms); the receiver would have answered 204 after 3 s
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(1000L);
    }

    @Test
    void aRedirectIsAnAnswerNotFollowed() throws Exception {
        WebhookResponse response = post("http://127.0.0.1:" + port() + "/moved", null);
        assertThat(response.status()).isEqualTo(302);
        assertThat(hosts).hasSize(1);
    }

    @Test
    void aRefusedConnectionIsAFailedAttempt() throws Exception {
        WebhookResponse response = post("http://127.0.0.1:9/closed", null);
        assertThat(response.status()).isNull();
        assertThat(response.error()).isNotBlank();
    }
}
