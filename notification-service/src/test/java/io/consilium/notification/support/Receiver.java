package io.consilium.notification.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP webhook receiver on loopback (the JDK's server): records every request it gets and answers as the
 * test says (a status, a hang, a redirect).
 */
public final class Receiver implements AutoCloseable {

    /** One request as received. */
    public record Request(String id, String timestamp, String signature, String body, Instant at) {
    }

    /** What to answer: status, optional Location header, and how long to wait first. */
    public record Answer(int status, String location, long delayMillis, String body) {
        public static Answer of(int status) {
            return new Answer(status, null, 0, "ok");
        }
    }

    private final HttpServer server;
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Answer> answer = r -> Answer.of(200);

    public Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public Receiver answering(Function<Request, Answer> answer) {
        this.answer = answer;
        return this;
    }

    public List<Request> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        var h = exchange.getRequestHeaders();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"),
                h.getFirst("webhook-signature"), body, Instant.now());
        received.add(request);
        Answer a = answer.apply(request);
        try {
            if (a.delayMillis() > 0) {
                Thread.sleep(a.delayMillis());
            }
            if (a.location() != null) {
                exchange.getResponseHeaders().add("Location", a.location());
            }
            byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(a.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the sender gave up (its timeout): nothing to answer
        } finally {
            exchange.close();
        }
    }

    public static Map<String, String> none() {
        return Map.of();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
