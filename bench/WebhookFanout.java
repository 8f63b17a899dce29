import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The webhook fan-out benchmark's driver (run by bench/webhook-fanout.sh, which starts the notification-service
 * instance it talks to): ENDPOINTS receivers on one loopback port, registered as the tenant's endpoints through the
 * service's API; then EVENTS case events published on Kafka at RATE per second, as case-service's outbox relay
 * would; every delivery is verified as the Standard Webhooks specification says and counted by webhook-id.
 *
 * First WARMUP_EVENTS (default 3,000, 50 s at 60/s) events that every receiver answers at once, not counted: the
 * service's JIT compiles its hot paths then, as it has long done in a service that has been running (with 1,000 the
 * first half minute of the measured run still showed the consumer compiling: p99 0.6 s there, under 0.3 s after).
 * Receiver 0 hangs (answers nothing for HANG_SECONDS, so the service's read timeout gives up on it) until the
 * last event is published, then answers like the others; receiver 1 answers 500 to 10 % of first attempts. The
 * run ends when every receiver has acknowledged every event once, or at DRAIN_SECONDS after the last event.
 * Prints figures; asserts nothing (exit 1 only when the exactly-once count is not met).
 */
public class WebhookFanout {

    static final List<String> TYPES = List.of("consilium.case.submitted.v1", "consilium.case.manager-assigned.v1",
            "consilium.case.records-completed.v1", "consilium.case.report-delivered.v1", "consilium.case.closed.v1");
    static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String notify = env("NOTIFY_URL", "http://127.0.0.1:18085");
        String token = env("TOKEN", null);
        String bootstrap = env("KAFKA", "127.0.0.1:9192");
        String topic = env("TOPIC", null);
        String tenant = env("TENANT", "acme");
        int events = Integer.parseInt(env("EVENTS", "10000"));
        int rate = Integer.parseInt(env("RATE", "60"));
        int endpoints = Integer.parseInt(env("ENDPOINTS", "20"));
        int port = Integer.parseInt(env("RECEIVER_PORT", "18199"));
        int drainSeconds = Integer.parseInt(env("DRAIN_SECONDS", "300"));
        long hangMillis = Long.parseLong(env("HANG_SECONDS", "30")) * 1000;

        int warmup = Integer.parseInt(env("WARMUP_EVENTS", "3000"));
        long servicePid = Long.parseLong(env("SERVICE_PID", "0"));

        // the warm-up's receivers all answer at once; the measured run's behave as described above
        Receivers warming = new Receivers(endpoints, warmup, 0, false);
        AtomicReference<Receivers> current = new AtomicReference<>(warming);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        // a hanging request holds its thread: a pool without a bound, as a careless partner's server would have
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hook/", exchange -> current.get().handle(exchange));
        server.start();

        HttpClient http = HttpClient.newHttpClient();
        String[] secrets = new String[endpoints];
        for (int i = 0; i < endpoints; i++) {
            String body = "{\"url\":\"http://127.0.0.1:" + port + "/hook/" + i + "\",\"eventTypes\":[\""
                    + String.join("\",\"", TYPES) + "\"],\"description\":\"bench receiver " + i + "\"}";
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(notify + "/api/v1/webhook-endpoints"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("registering endpoint " + i + ": " + r.statusCode() + " " + r.body());
            }
            secrets[i] = field(r.body(), "secret");
            warming.secret(i, secrets[i]);
        }
        System.out.printf("registered %d endpoints for tenant %s on %s%n", endpoints, tenant, topic);

        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            if (warmup > 0) {
                // the JIT compiles the service's hot paths during its first minute; a service that has run for a
                // while has done so long ago, so the measured run starts after it (a short run is half compiler)
                long warmStarted = System.currentTimeMillis();
                publish(producer, topic, tenant, warmup, rate);
                long warmDeadline = System.currentTimeMillis() + drainSeconds * 1000L;
                while (!warming.allAcknowledged() && System.currentTimeMillis() < warmDeadline) {
                    Thread.sleep(250);
                }
                System.out.printf(Locale.ROOT, "warm-up: %d events x %d endpoints delivered in %.1f s (not counted below)%n",
                        warmup, endpoints, (System.currentTimeMillis() - warmStarted) / 1000.0);
            }
            Receivers receivers = new Receivers(endpoints, events, hangMillis, true);
            for (int i = 0; i < endpoints; i++) {
                receivers.secret(i, secrets[i]);
            }
            current.set(receivers);
            System.out.printf("publishing %d events at %d/s%n", events, rate);
            Cpu before = Cpu.now(servicePid);
            long started = System.currentTimeMillis();
            publish(producer, topic, tenant, events, rate);
            long published = System.currentTimeMillis();
            receivers.stopHanging();
            System.out.printf("published in %.1f s; waiting for the deliveries (at most %d s)%n",
                    (published - started) / 1000.0, drainSeconds);
            long deadline = published + drainSeconds * 1000L;
            while (!receivers.allAcknowledged() && System.currentTimeMillis() < deadline) {
                Thread.sleep(250);
            }
            long ended = System.currentTimeMillis();
            Cpu after = Cpu.now(servicePid);
            server.stop(0);
            boolean once = receivers.report(started, published, ended);
            after.printSince(before, receivers.totalAttempts());
            System.exit(once ? 0 : 1);
        }
    }

    /** EVENTS case events, five per case, at RATE per second. */
    static void publish(KafkaProducer<String, String> producer, String topic, String tenant, int events, int rate)
            throws InterruptedException {
        long t0 = System.nanoTime();
        UUID caseId = null;
        for (int n = 0; n < events; n++) {
            int step = n % TYPES.size();
            if (step == 0) {
                caseId = UUID.randomUUID();
            }
            String type = TYPES.get(step);
            String payload = switch (step) {
                case 0 -> "{\"caseId\":\"" + caseId + "\",\"tenant\":\"" + tenant + "\",\"preferredLanguage\":\"en\"}";
                case 1 -> "{\"caseId\":\"" + caseId + "\",\"managerId\":\"bench-doctor\"}";
                default -> "{\"caseId\":\"" + caseId + "\"}";
            };
            // held to the rate: an open model, so a stall in the service shows as latency, not as a slower sender
            long due = t0 + (long) (n * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, caseId.toString(), payload);
            record.headers().add(header("ce_specversion", "1.0")).add(header("ce_id", UUID.randomUUID().toString()))
                    .add(header("ce_type", type)).add(header("ce_source", "/bench/case-service"))
                    .add(header("ce_subject", caseId.toString())).add(header("ce_tenant", tenant))
                    .add(header("ce_time", Instant.now().toString())).add(header("content-type", "application/json"));
            producer.send(record);
        }
        producer.flush();
    }

    /**
     * Where the machine's CPU went during the measured run: the service, this driver (receivers and producer), and
     * the rest (PostgreSQL, Kafka), from /proc.
     */
    record Cpu(long serviceTicks, long driverNanos, long busyTicks, long totalTicks, long wallNanos) {

        static Cpu now(long servicePid) {
            long service = 0;
            try {
                if (servicePid > 0) {
                    String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + servicePid + "/stat"))
                            .replaceFirst("^.*\\) ", "").split(" ");
                    service = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                }
                String[] cpu = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < cpu.length; i++) {
                    total += Long.parseLong(cpu[i]);
                }
                long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
                long driver = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
                return new Cpu(service, driver, total - idle, total, System.nanoTime());
            } catch (Exception e) {
                return new Cpu(0, 0, 0, 0, System.nanoTime());
            }
        }

        void printSince(Cpu before, long attempts) {
            double tick = 100.0; // USER_HZ
            double wall = (wallNanos - before.wallNanos) / 1e9;
            double service = (serviceTicks - before.serviceTicks) / tick;
            double driver = (driverNanos - before.driverNanos) / 1e9;
            double busy = (busyTicks - before.busyTicks) / tick;
            double cores = (totalTicks - before.totalTicks) / tick / wall;
            System.out.printf(Locale.ROOT, "CPU in the measured run (%.0f s, %.1f cores): service %.0f s (%.2f ms per attempt),"
                            + " driver %.0f s, the rest (PostgreSQL, Kafka, other) %.0f s, idle %.0f s%n", wall, cores,
                    service, attempts == 0 ? 0 : service * 1000 / attempts, driver, Math.max(0, busy - service - driver),
                    Math.max(0, wall * cores - busy));
        }
    }

    static RecordHeader header(String key, String value) {
        return new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8));
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        if ((v == null || v.isBlank()) && fallback == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return v == null || v.isBlank() ? fallback : v;
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    /** The receivers' counts: per endpoint, first arrival and acknowledgement per webhook-id. */
    static final class Receivers {
        final int endpoints;
        final int expected;
        final long hangMillis;
        final byte[][] keys;
        final List<Map<String, Long>> firstSeen = new ArrayList<>();
        final List<Map<String, Boolean>> acked = new ArrayList<>();
        final AtomicLong[] duplicates;
        final AtomicLong[] attempts;
        final AtomicLong refused = new AtomicLong();
        final Map<String, Long> latencies = new ConcurrentHashMap<>();
        final boolean misbehave;
        volatile boolean hanging = true;

        Receivers(int endpoints, int expected, long hangMillis, boolean misbehave) {
            this.misbehave = misbehave;
            this.endpoints = endpoints;
            this.expected = expected;
            this.hangMillis = hangMillis;
            this.keys = new byte[endpoints][];
            this.duplicates = new AtomicLong[endpoints];
            this.attempts = new AtomicLong[endpoints];
            for (int i = 0; i < endpoints; i++) {
                firstSeen.add(new ConcurrentHashMap<>());
                acked.add(new ConcurrentHashMap<>());
                duplicates[i] = new AtomicLong();
                attempts[i] = new AtomicLong();
            }
        }

        void secret(int i, String secret) {
            keys[i] = Base64.getDecoder().decode(secret.replaceFirst("^whsec_", ""));
        }

        void stopHanging() {
            hanging = false;
        }

        void handle(HttpExchange exchange) {
            try (exchange) {
                long arrived = System.currentTimeMillis();
                int i = Integer.parseInt(exchange.getRequestURI().getPath().substring("/hook/".length()));
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                attempts[i].incrementAndGet();
                if (!verified(keys[i], id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"), body)) {
                    refused.incrementAndGet();
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
                boolean first = firstSeen.get(i).putIfAbsent(id, arrived) == null;
                if (first) {
                    Matcher m = TIMESTAMP.matcher(body);
                    if (m.find()) {
                        latencies.put(i + "/" + id, arrived - Instant.parse(m.group(1)).toEpochMilli());
                    }
                }
                if (misbehave && i == 0 && hanging) {
                    Thread.sleep(hangMillis);
                    return; // the service gave up long ago; nothing is acknowledged
                }
                if (misbehave && i == 1 && first && Math.floorMod(id.hashCode(), 10) == 0) {
                    exchange.sendResponseHeaders(500, -1);
                    return;
                }
                if (acked.get(i).putIfAbsent(id, Boolean.TRUE) != null) {
                    duplicates[i].incrementAndGet(); // a receiver drops it by webhook-id; counted to prove none came
                }
                exchange.sendResponseHeaders(204, -1);
            } catch (Exception e) {
                // a hanging exchange closed under it: nothing to answer
            }
        }

        long totalAttempts() {
            long n = 0;
            for (AtomicLong a : attempts) {
                n += a.get();
            }
            return n;
        }

        boolean allAcknowledged() {
            for (int i = 0; i < endpoints; i++) {
                if (acked.get(i).size() < expected) {
                    return false;
                }
            }
            return true;
        }

        static boolean verified(byte[] key, String id, String ts, String header, String body) {
            if (id == null || ts == null || header == null) {
                return false;
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                byte[] expected = mac.doFinal((id + "." + ts + "." + body).getBytes(StandardCharsets.UTF_8));
                for (String part : header.split(" ")) {
                    if (part.startsWith("v1,") && MessageDigest.isEqual(expected,
                            Base64.getDecoder().decode(part.substring(3)))) {
                        return true;
                    }
                }
            } catch (Exception e) {
                return false;
            }
            return false;
        }

        boolean report(long started, long published, long ended) {
            long totalAcked = 0;
            long totalAttempts = 0;
            long totalDuplicates = 0;
            long missing = 0;
            long lastFirst = started;
            System.out.println();
            System.out.println("endpoint  behaviour              attempts  acknowledged  duplicates  missing");
            for (int i = 0; i < endpoints; i++) {
                int got = acked.get(i).size();
                totalAcked += got;
                totalAttempts += attempts[i].get();
                totalDuplicates += duplicates[i].get();
                missing += Math.max(0, expected - got);
                for (long t : firstSeen.get(i).values()) {
                    lastFirst = Math.max(lastFirst, t);
                }
                String behaviour = i == 0 ? "hangs while publishing" : i == 1 ? "500 on 10% first tries" : "answers 204";
                System.out.printf(Locale.ROOT, "%8d  %-22s %8d  %12d  %10d  %7d%n", i, behaviour, attempts[i].get(), got,
                        duplicates[i].get(), Math.max(0, expected - got));
            }
            List<Long> healthy = new ArrayList<>();
            List<Long> hung = new ArrayList<>();
            latencies.forEach((k, v) -> (k.startsWith("0/") ? hung : healthy).add(v));
            healthy.sort(null);
            hung.sort(null);
            double firstAttemptWindow = (lastFirst - started) / 1000.0;
            long lastHealthyFirst = started;
            for (int i = 1; i < endpoints; i++) {
                for (long t : firstSeen.get(i).values()) {
                    lastHealthyFirst = Math.max(lastHealthyFirst, t);
                }
            }
            double healthyWindow = (lastHealthyFirst - started) / 1000.0;
            System.out.println();
            System.out.printf(Locale.ROOT, "events %d x endpoints %d = %d deliveries; signatures refused: %d%n",
                    expected, endpoints, (long) expected * endpoints, refused.get());
            System.out.printf(Locale.ROOT, "first attempts: %d in %.1f s = %.0f deliveries/s (publishing took %.1f s)%n",
                    healthy.size() + hung.size(), firstAttemptWindow, (healthy.size() + hung.size()) / firstAttemptWindow,
                    (published - started) / 1000.0);
            System.out.printf(Locale.ROOT, "first attempts, 19 other endpoints: %d in %.1f s = %.0f deliveries/s%n",
                    healthy.size(), healthyWindow, healthy.size() / healthyWindow);
            System.out.printf(Locale.ROOT, "all attempts: %d; acknowledged %d, duplicates %d, missing %d; run %.1f s%n",
                    totalAttempts, totalAcked, totalDuplicates, missing, (ended - started) / 1000.0);
            System.out.printf(Locale.ROOT, "event -> first attempt, 19 other endpoints: p50 %d ms  p99 %d ms  max %d ms%n",
                    pct(healthy, 50), pct(healthy, 99), healthy.isEmpty() ? -1 : healthy.get(healthy.size() - 1));
            System.out.printf(Locale.ROOT, "event -> first attempt, hanging endpoint:   p50 %d ms  p99 %d ms  max %d ms%n",
                    pct(hung, 50), pct(hung, 99), hung.isEmpty() ? -1 : hung.get(hung.size() - 1));
            boolean exactlyOnce = missing == 0 && totalDuplicates == 0;
            System.out.println(exactlyOnce ? "exactly once: every event reached every endpoint once (by webhook-id)"
                    : "exactly once NOT met: see missing/duplicates above");
            return exactlyOnce;
        }

        static long pct(List<Long> sorted, int p) {
            if (sorted.isEmpty()) {
                return -1;
            }
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }
    }
}
