import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The write-path benchmark's driver (issue 14; run by bench/write-path.sh, which starts the processes it measures).
 * <p>
 * Three kinds of request, in alternating rounds after a warm-up of each: case creation by a partner
 * ({@code POST /api/v1/cases} on case-service), submission of a case created before ({@code POST
 * /api/v1/cases/{id}/submit}: eligibility, SLA clock, assignment, two events), and the bare Quarkus + Panache insert
 * (bench/bare-insert). Each round is ROUND_SECONDS of closed-loop load on CONNECTIONS keep-alive connections (each
 * sends its next request when the answer to the previous one is in, as wrk does), then a pause of at least
 * PAUSE_SECONDS in which the deferred work (outbox relay, Kafka, case-service's own consumers) finishes.
 * <p>
 * Counted per round: requests, errors (any answer but the expected 201/200, or a broken connection), p50/p99 of the
 * answer time; the CPU time (utime + stime from /proc) of the service under test, of PostgreSQL's processes, of the
 * Kafka broker and of this driver, during the load and during the pause; the outbox backlog (unsent rows) and the
 * committed-offset lag of case-service's consumer groups when the load stops and when the pause ends; how long after
 * the load every event of the round was published and applied by its consumer (an inbox row); and the time from an
 * event's {@code occurred_at} (written in the request's transaction) to its consumer's inbox row ({@code processed_at},
 * the start of the consumer's transaction), p50/p99 over the round's events. Prints figures; asserts nothing.
 * <p>
 * The HTTP client is a minimal HTTP/1.1 one over blocking sockets (one platform thread per connection), so the
 * driver's own CPU per request stays small and is measured.
 */
public class WritePathLoad {

    static final String AUDIT_TOPIC = "consilium.audit";
    static final String CASE_TOPIC = "consilium.case.events";
    static final String ACCESS_RECORDED = "consilium.audit.access-recorded.v1";
    static final long TICK_NANOS = TimeUnit.SECONDS.toNanos(1) / Long.parseLong(env("CLK_TCK", "100"));

    enum Kind {
        CREATE("create"), SUBMIT("submit"), BARE("bare insert");
        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    // configuration (bench/write-path.sh passes it)
    static final String CASE_URL = env("CASE_URL", "http://127.0.0.1:18281");
    static final String BARE_URL = env("BARE_URL", "http://127.0.0.1:18290");
    static final String TOKEN = env("TOKEN", "");
    static final int CONNECTIONS = Integer.parseInt(env("CONNECTIONS", "8"));
    static final int ROUNDS = Integer.parseInt(env("ROUNDS", "2"));
    static final int ROUND_SECONDS = Integer.parseInt(env("ROUND_SECONDS", "20"));
    static final int WARMUP_SECONDS = Integer.parseInt(env("WARMUP_SECONDS", "15"));
    /** The warm-up of a kind goes on (WARMUP_SECONDS at a time) until this many requests, or WARMUP_MAX_SECONDS. */
    static final int WARMUP_REQUESTS = Integer.parseInt(env("WARMUP_REQUESTS", "3000"));
    static final int WARMUP_MAX_SECONDS = Integer.parseInt(env("WARMUP_MAX_SECONDS", "60"));
    static final int PAUSE_SECONDS = Integer.parseInt(env("PAUSE_SECONDS", "10"));
    static final int MAX_DRAIN_SECONDS = Integer.parseInt(env("MAX_DRAIN_SECONDS", "120"));
    static final int MEMBERS = Integer.parseInt(env("MEMBERS", "20000"));
    static final long CASE_PID = Long.parseLong(env("CASE_PID", "0"));
    static final long BARE_PID = Long.parseLong(env("BARE_PID", "0"));
    static final long KAFKA_PID = Long.parseLong(env("KAFKA_PID", "0"));
    static final List<String> PG_DATABASES = List.of(env("PG_DATABASES", "consilium_case_wpbench,consilium_bare_wpbench").split(","));
    static final boolean PG_ALL = "all".equals(env("PG_SCOPE", "run"));
    static final String CASE_JDBC = env("CASE_JDBC", "jdbc:postgresql://127.0.0.1:5432/consilium_case_wpbench");
    static final String KAFKA = env("KAFKA", "127.0.0.1:9592");
    static final List<String> GROUPS = List.of(env("CONSUMER_GROUPS", "").split(","));
    /** After the rounds, creation and submission once more at this share of their median rate (0: not). */
    static final double PACED_SHARE = Double.parseDouble(env("PACED_SHARE", "0.8"));

    static final AtomicLong MEMBER = new AtomicLong();
    /** Cases created and not yet submitted: id and ETag. */
    static final ConcurrentLinkedQueue<String[]> DRAFTS = new ConcurrentLinkedQueue<>();

    public static void main(String[] args) throws Exception {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        if (GROUPS.stream().allMatch(String::isBlank)) {
            throw new IllegalStateException("CONSUMER_GROUPS names no consumer group: the lag could not be measured");
        }
        try (Connection db = DriverManager.getConnection(CASE_JDBC, env("PGUSER", "consilium"), env("PGPASSWORD", "consilium"));
             Admin kafka = Admin.create(admin)) {
            Probe probe = new Probe(db, kafka);
            System.out.printf(Locale.ROOT, "write path: %d connections, warm-up per kind %d s at a time until %d requests or %d s, %d round(s) of %d s per kind, pause >= %d s; "
                            + "PostgreSQL CPU: %s%n", CONNECTIONS, WARMUP_SECONDS, WARMUP_REQUESTS, WARMUP_MAX_SECONDS, ROUNDS, ROUND_SECONDS, PAUSE_SECONDS,
                    PG_ALL ? "every postgres process of the cluster" : "backends of " + PG_DATABASES + " and the cluster's background processes");

            // warm-up: the JIT compiles the three paths (and the relay and consumers behind them); not counted. At least
            // WARMUP_REQUESTS of each where the time allows: C2 compiles a method after about 10,000 calls, and a
            // path at 50/s has made few of those in 15 s
            double submitRate = 0;
            for (Kind kind : Kind.values()) {
                long warmStarted = System.nanoTime();
                long requests = 0;
                long errors = 0;
                String firstError = null;
                double rate = 0;
                do {
                    Load warm = run(kind, WARMUP_SECONDS);
                    requests += warm.requests();
                    errors += warm.errors();
                    firstError = firstError == null ? warm.firstError : firstError;
                    rate = requests / ((System.nanoTime() - warmStarted) / 1e9);
                    if (warm.dry) {
                        break;
                    }
                } while (requests < WARMUP_REQUESTS && System.nanoTime() - warmStarted < TimeUnit.SECONDS.toNanos(WARMUP_MAX_SECONDS));
                if (kind == Kind.SUBMIT) {
                    submitRate = rate;
                }
                System.out.printf(Locale.ROOT, "warm-up %-11s %7d requests, %6.0f/s, %d errors%s%n", kind.label, requests,
                        rate, errors, firstError == null ? "" : " (first: " + firstError + ")");
                probe.awaitDrained(System.nanoTime(), MAX_DRAIN_SECONDS);
            }

            List<Round> rounds = new ArrayList<>();
            for (int r = 1; r <= ROUNDS; r++) {
                for (Kind kind : Kind.values()) {
                    if (kind == Kind.SUBMIT) {
                        refill(probe, (int) Math.ceil(Math.max(submitRate, 50) * ROUND_SECONDS * 1.5));
                    }
                    Round round = measure(probe, kind, r, 0);
                    rounds.add(round);
                    if (kind == Kind.SUBMIT) {
                        submitRate = Math.max(submitRate, round.load.rate());
                    }
                    System.out.println(round.progress());
                }
            }
            if (PACED_SHARE > 0) {
                // the latency goal is at 80 % of the maximum rate: the same paths held to that rate
                for (Kind kind : List.of(Kind.CREATE, Kind.SUBMIT)) {
                    double rate = PACED_SHARE * med(rounds.stream().filter(r -> r.kind == kind && r.paced == 0).toList(), r -> r.load.rate());
                    if (kind == Kind.SUBMIT) {
                        refill(probe, (int) Math.ceil(rate * ROUND_SECONDS * 1.5));
                    }
                    Round round = measure(probe, kind, 1, rate);
                    rounds.add(round);
                    System.out.println(round.progress());
                }
            }
            report(rounds);
        }
    }

    /** Enough DRAFT cases for the next submission round, created before it and drained, so not counted. */
    static void refill(Probe probe, int wanted) throws Exception {
        int missing = wanted - DRAFTS.size();
        if (missing <= 0) {
            return;
        }
        Load extra = run(Kind.CREATE, 0, missing, 0);
        System.out.printf(Locale.ROOT, "(created %d more cases to submit, not counted)%n", extra.requests());
        probe.awaitDrained(System.nanoTime(), MAX_DRAIN_SECONDS);
    }

    /** One round: ROUND_SECONDS of load (held to {@code paced} requests a second when above 0), then the pause. */
    static Round measure(Probe probe, Kind kind, int index, double paced) throws Exception {
        long firstId = probe.maxOutboxId();
        long since = probe.dbNowMicros();
        Cpu before = Cpu.sample(kind);
        Load load = run(kind, ROUND_SECONDS, Long.MAX_VALUE, paced);
        long stopped = System.nanoTime();
        Cpu loadEnd = Cpu.sample(kind);
        long backlogAtEnd = probe.backlog();
        long lagAtEnd = probe.lag();
        double drained = probe.awaitDrained(firstId, since, stopped, MAX_DRAIN_SECONDS);
        // the consumers commit their offsets every 5 s ('throttled'): the pause lasts until Kafka's lag is 0 too
        double committed = -1;
        while (System.nanoTime() < stopped + TimeUnit.SECONDS.toNanos(MAX_DRAIN_SECONDS)) {
            if (probe.lag() == 0) {
                committed = (System.nanoTime() - stopped) / 1e9;
                break;
            }
            Thread.sleep(250);
        }
        long pauseLeft = stopped + TimeUnit.SECONDS.toNanos(PAUSE_SECONDS) - System.nanoTime();
        if (pauseLeft > 0) {
            TimeUnit.NANOSECONDS.sleep(pauseLeft);
        }
        Cpu pauseEnd = Cpu.sample(kind);
        double pauseSeconds = (System.nanoTime() - stopped) / 1e9;
        // measured after the CPU: these queries are the bench's, not the service's
        long backlogAfter = probe.backlog();
        long lagAfter = probe.lag();
        long lastId = probe.maxOutboxId();
        Events events = probe.events(firstId, lastId);
        return new Round(kind, index, paced, load, loadEnd.minus(before), pauseEnd.minus(loadEnd), pauseSeconds, backlogAtEnd,
                lagAtEnd, drained, committed, backlogAfter, lagAfter, events);
    }

    // ---------------------------------------------------------------------------------------------- the load

    static Load run(Kind kind, int seconds) throws InterruptedException {
        return run(kind, seconds, Long.MAX_VALUE, 0);
    }

    /**
     * CONNECTIONS connections in a closed loop, for {@code seconds} or until {@code limit} requests were sent; with
     * {@code rate} above 0 each connection sends on a schedule of rate / CONNECTIONS a second (at once when late).
     */
    static Load run(Kind kind, int seconds, long limit, double rate) throws InterruptedException {
        AtomicLong budget = new AtomicLong(limit);
        long started = System.nanoTime();
        long deadline = seconds > 0 ? started + TimeUnit.SECONDS.toNanos(seconds) : Long.MAX_VALUE;
        Worker[] workers = new Worker[CONNECTIONS];
        Thread[] threads = new Thread[CONNECTIONS];
        for (int i = 0; i < CONNECTIONS; i++) {
            workers[i] = new Worker(kind, deadline, budget, rate > 0 ? (long) (1e9 * CONNECTIONS / rate) : 0,
                    started + (rate > 0 ? (long) (1e9 * i / rate) : 0));
            threads[i] = new Thread(workers[i], "load-" + i);
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return new Load(workers, (System.nanoTime() - started) / 1e9);
    }

    static final class Worker implements Runnable {
        final Kind kind;
        final long deadline;
        final AtomicLong budget;
        final long interval;
        long next;
        long[] nanos = new long[1 << 14];
        int count;
        long errors;
        boolean dry;
        String firstError;
        private Http http;

        Worker(Kind kind, long deadline, AtomicLong budget, long interval, long first) {
            this.kind = kind;
            this.deadline = deadline;
            this.budget = budget;
            this.interval = interval;
            this.next = first;
        }

        @Override
        public void run() {
            URI base = URI.create(kind == Kind.BARE ? BARE_URL : CASE_URL);
            while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
                if (interval > 0) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    next += interval;
                    if (System.nanoTime() >= deadline) {
                        break;
                    }
                }
                String path;
                String body;
                String ifMatch = null;
                int expected;
                String[] draft = null;
                if (kind == Kind.SUBMIT) {
                    draft = DRAFTS.poll();
                    if (draft == null) {
                        dry = true;
                        break;
                    }
                    path = "/api/v1/cases/" + draft[0] + "/submit";
                    body = null;
                    ifMatch = draft[1];
                    expected = 200;
                } else {
                    path = "/api/v1/cases";
                    body = intake(MEMBER.getAndIncrement() % MEMBERS + 1);
                    expected = 201;
                }
                long t0 = System.nanoTime();
                try {
                    if (http == null) {
                        http = new Http(base);
                    }
                    Http.Answer a = http.post(path, body, kind == Kind.BARE ? null : TOKEN, ifMatch);
                    long took = System.nanoTime() - t0;
                    if (a.status != expected) {
                        error(a.status + " " + a.body.substring(0, Math.min(200, a.body.length())));
                    } else {
                        record(took);
                        if (kind == Kind.CREATE) {
                            String location = a.headers.get("location");
                            DRAFTS.add(new String[]{location.substring(location.lastIndexOf('/') + 1), a.headers.get("etag")});
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    error(e.toString());
                    if (http != null) {
                        http.close();
                        http = null;
                    }
                }
            }
            if (http != null) {
                http.close();
            }
        }

        private void record(long took) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = took;
        }

        private void error(String what) {
            errors++;
            if (firstError == null) {
                firstError = what;
            }
        }
    }

    static String intake(long member) {
        return """
                {"memberId":"M-%06d","patient":{"preferredLanguage":"es","countryOfResidence":"ES"},\
                "reasons":["CONFIRM_DIAGNOSIS"],"diagnosis":{"text":"Localised prostate cancer, Gleason 7","icd10Code":"C61"},\
                "proposedTreatment":"Radical prostatectomy","requestedSpecialty":"urology","urgency":"ROUTINE",\
                "questions":["DIAGNOSIS_CORRECT","SURGERY_NECESSARY"]}""".formatted(member);
    }

    static final class Load {
        final long[] sorted;
        final long errors;
        final double seconds;
        final boolean dry;
        final String firstError;

        Load(Worker[] workers, double seconds) {
            int n = 0;
            long e = 0;
            boolean d = false;
            String first = null;
            for (Worker w : workers) {
                n += w.count;
                e += w.errors;
                d |= w.dry;
                first = first == null ? w.firstError : first;
            }
            long[] all = new long[n];
            int at = 0;
            for (Worker w : workers) {
                System.arraycopy(w.nanos, 0, all, at, w.count);
                at += w.count;
            }
            Arrays.sort(all);
            this.sorted = all;
            this.errors = e;
            this.seconds = seconds;
            this.dry = d;
            this.firstError = first;
        }

        long requests() {
            return sorted.length;
        }

        long errors() {
            return errors;
        }

        double rate() {
            return sorted.length / seconds;
        }

        double percentileMillis(double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
        }
    }

    /** Minimal HTTP/1.1 over one keep-alive socket: Content-Length or chunked answers. */
    static final class Http {
        final Socket socket;
        final OutputStream out;
        final InputStream in;
        final String host;

        record Answer(int status, Map<String, String> headers, String body) {
        }

        Http(URI base) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            socket.setSoTimeout(60_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16384);
            host = base.getHost() + ":" + base.getPort();
        }

        Answer post(String path, String body, String token, String ifMatch) throws IOException {
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(512).append("POST ").append(path).append(" HTTP/1.1\r\nHost: ").append(host)
                    .append("\r\nAccept: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
            if (body != null) {
                head.append("Content-Type: application/json\r\n");
            }
            if (token != null) {
                head.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            if (ifMatch != null) {
                head.append("If-Match: ").append(ifMatch).append("\r\n");
            }
            head.append("\r\n");
            byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            byte[] request = Arrays.copyOf(h, h.length + content.length);
            System.arraycopy(content, 0, request, h.length, content.length);
            out.write(request);
            out.flush();
            String status = line();
            if (status == null) {
                throw new IOException("connection closed");
            }
            int code = Integer.parseInt(status.substring(9, 12));
            Map<String, String> headers = new HashMap<>();
            for (String l = line(); l != null && !l.isEmpty(); l = line()) {
                int colon = l.indexOf(':');
                headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
            }
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                     size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    b.write(in.readNBytes(size));
                    line();
                }
                while (true) { // trailers
                    String l = line();
                    if (l == null || l.isEmpty()) {
                        break;
                    }
                }
            } else {
                b.write(in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0"))));
            }
            if ("close".equalsIgnoreCase(headers.get("connection"))) {
                throw new IOException("server closed the connection after " + code);
            }
            return new Answer(code, headers, b.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder(64);
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int n = s.length();
                    return n > 0 && s.charAt(n - 1) == '\r' ? s.substring(0, n - 1) : s.toString();
                }
                s.append((char) c);
            }
            return s.length() == 0 ? null : s.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // gone anyway
            }
        }
    }

    // --------------------------------------------------------------------------------- the deferred work

    /** The bench's view of the outbox, the inbox and the consumer groups (its own queries, cheap ones while it waits). */
    static final class Probe {
        final Connection db;
        final Admin kafka;

        Probe(Connection db, Admin kafka) {
            this.db = db;
            this.kafka = kafka;
        }

        long backlog() throws SQLException {
            return one("select count(*) from outbox_event where sent_at is null");
        }

        long maxOutboxId() throws SQLException {
            return one("select coalesce(max(id), 0) from outbox_event");
        }

        long dbNowMicros() throws SQLException {
            return one("select (extract(epoch from clock_timestamp()) * 1000000)::bigint");
        }

        /** Events of the round that a case-service consumer applies: access-recorded on the audit topic, all on the case topic. */
        long consumable(long afterId) throws SQLException {
            try (PreparedStatement s = db.prepareStatement("select count(*) from outbox_event where id > ? and "
                    + "((topic = ? and type = ?) or topic = ?)")) {
                s.setLong(1, afterId);
                s.setString(2, AUDIT_TOPIC);
                s.setString(3, ACCESS_RECORDED);
                s.setString(4, CASE_TOPIC);
                return count(s);
            }
        }

        /** Inbox rows of case-service's two consumers of its own events written since (a clock_timestamp in micros). */
        long applied(long sinceMicros) throws SQLException {
            try (PreparedStatement s = db.prepareStatement("select count(*) from inbox_event where processed_at >= "
                    + "to_timestamp(? / 1000000.0) and consumer in ('case-access-log', 'case-timeline')")) {
                s.setLong(1, sinceMicros);
                return count(s);
            }
        }

        /** Committed-offset lag of case-service's consumer groups, summed over every partition they committed. */
        long lag() throws Exception {
            long lag = 0;
            Map<TopicPartition, Long> committed = new HashMap<>();
            for (String group : GROUPS) {
                if (group.isBlank()) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> offsets = kafka.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                for (Map.Entry<TopicPartition, OffsetAndMetadata> e : offsets.entrySet()) {
                    if (e.getValue() != null) {
                        committed.merge(new TopicPartition(group + "|" + e.getKey().topic(), e.getKey().partition()),
                                e.getValue().offset(), Math::max);
                    }
                }
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicPartition k : committed.keySet()) {
                latest.put(new TopicPartition(k.topic().substring(k.topic().indexOf('|') + 1), k.partition()), OffsetSpec.latest());
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = kafka.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            for (Map.Entry<TopicPartition, Long> e : committed.entrySet()) {
                TopicPartition real = new TopicPartition(e.getKey().topic().substring(e.getKey().topic().indexOf('|') + 1),
                        e.getKey().partition());
                lag += Math.max(0, ends.get(real).offset() - e.getValue());
            }
            return lag;
        }

        /** Waits, outside any measurement, until the outbox is empty and every event of the case topic and audit is applied. */
        void awaitDrained(long startedNanos, int maxSeconds) throws Exception {
            long deadline = startedNanos + TimeUnit.SECONDS.toNanos(maxSeconds);
            while (System.nanoTime() < deadline && (backlog() > 0 || lag() > 0)) {
                Thread.sleep(250);
            }
        }

        /**
         * Seconds from the end of the load until the outbox backlog is 0 and every consumable event written after
         * {@code firstId} has its inbox row; -1 when that did not happen within {@code maxSeconds}.
         */
        double awaitDrained(long firstId, long sinceMicros, long stoppedNanos, int maxSeconds) throws Exception {
            long deadline = stoppedNanos + TimeUnit.SECONDS.toNanos(maxSeconds);
            long expected = -1;
            while (System.nanoTime() < deadline) {
                if (backlog() == 0) {
                    if (expected < 0) {
                        expected = consumable(firstId); // no more rows come once the requests are answered
                    }
                    if (applied(sinceMicros) >= expected) {
                        return (System.nanoTime() - stoppedNanos) / 1e9;
                    }
                }
                Thread.sleep(100);
            }
            return -1;
        }

        /** The round's events: how many, and commit to consumer (inbox) and to the broker (sent_at), p50/p99. */
        Events events(long firstId, long lastId) throws SQLException {
            Events e = new Events();
            try (PreparedStatement s = db.prepareStatement("select count(*) from outbox_event where id > ? and id <= ?")) {
                s.setLong(1, firstId);
                s.setLong(2, lastId);
                e.count = count(s);
            }
            String percentiles = "percentile_cont(0.5) within group (order by d) * 1000, percentile_cont(0.99) within group (order by d) * 1000, count(*)";
            try (PreparedStatement s = db.prepareStatement("select " + percentiles + " from (select extract(epoch from "
                    + "i.processed_at - o.occurred_at) as d from outbox_event o join inbox_event i on i.event_id = o.event_id "
                    + "where o.id > ? and o.id <= ?) x")) {
                s.setLong(1, firstId);
                s.setLong(2, lastId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    e.consumed = r.getLong(3);
                    if (e.consumed > 0) {
                        e.consumerP50 = r.getDouble(1);
                        e.consumerP99 = r.getDouble(2);
                    }
                }
            }
            try (PreparedStatement s = db.prepareStatement("select " + percentiles + " from (select extract(epoch from "
                    + "sent_at - occurred_at) as d from outbox_event where id > ? and id <= ? and sent_at is not null) x")) {
                s.setLong(1, firstId);
                s.setLong(2, lastId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getLong(3) > 0) {
                        e.relayP50 = r.getDouble(1);
                        e.relayP99 = r.getDouble(2);
                    }
                }
            }
            return e;
        }

        private long one(String sql) throws SQLException {
            try (PreparedStatement s = db.prepareStatement(sql)) {
                return count(s);
            }
        }

        private static long count(PreparedStatement s) throws SQLException {
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    static final class Events {
        long count;
        long consumed;
        double consumerP50 = Double.NaN;
        double consumerP99 = Double.NaN;
        double relayP50 = Double.NaN;
        double relayP99 = Double.NaN;
    }

    // ---------------------------------------------------------------------------------------------- the CPU

    /** CPU time in ns of the service under test, PostgreSQL, the broker and this driver. */
    record Cpu(long service, long postgres, long kafka, long driver, Map<Long, Long> pgByPid) {

        static Cpu sample(Kind kind) {
            Map<Long, Long> pg = postgresTicks();
            long pgSum = pg.values().stream().mapToLong(Long::longValue).sum();
            return new Cpu(ticks(kind == Kind.BARE ? BARE_PID : CASE_PID, false), pgSum, ticks(KAFKA_PID, false),
                    ticks(ProcessHandle.current().pid(), false), pg);
        }

        /** The CPU between {@code before} and this sample; a backend that started in between counts from 0. */
        Cpu minus(Cpu before) {
            long pg = 0;
            for (Map.Entry<Long, Long> e : pgByPid.entrySet()) {
                pg += Math.max(0, e.getValue() - before.pgByPid.getOrDefault(e.getKey(), 0L));
            }
            return new Cpu((service - before.service) * TICK_NANOS, pg * TICK_NANOS, (kafka - before.kafka) * TICK_NANOS,
                    (driver - before.driver) * TICK_NANOS, Map.of());
        }

        long total() {
            return service + postgres + kafka + driver;
        }

        /** What the request caused: everything but the driver. */
        long suite() {
            return service + postgres + kafka;
        }

        /** utime + stime (+ cutime + cstime for the postmaster, which has reaped the backends that ended). */
        static long ticks(long pid, boolean children) {
            if (pid <= 0) {
                return 0;
            }
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // f[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17
                long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                return children ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        static final List<String> BACKGROUND = List.of("checkpointer", "background writer", "walwriter",
                "autovacuum launcher", "logical replication launcher", "archiver", "stats collector");

        static Map<Long, Long> postgresTicks() {
            Map<Long, Long> ticks = new LinkedHashMap<>();
            try (var dirs = Files.list(Path.of("/proc"))) {
                for (Path dir : (Iterable<Path>) dirs::iterator) {
                    String name = dir.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        if (!"postgres".equals(Files.readString(dir.resolve("comm")).trim())) {
                            continue;
                        }
                        String cmd = Files.readString(dir.resolve("cmdline")).replace('\0', ' ');
                        long pid = Long.parseLong(name);
                        boolean postmaster = !cmd.startsWith("postgres:");
                        if (PG_ALL) {
                            ticks.put(pid, ticks(pid, postmaster));
                        } else if (!postmaster && (PG_DATABASES.stream().anyMatch(db -> cmd.contains(" " + db + " ") || cmd.endsWith(" " + db))
                                || BACKGROUND.stream().anyMatch(cmd::contains))) {
                            ticks.put(pid, ticks(pid, false));
                        }
                    } catch (IOException | RuntimeException ignored) {
                        // the process ended meanwhile
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return ticks;
        }
    }

    // -------------------------------------------------------------------------------------------- the report

    record Round(Kind kind, int index, double paced, Load load, Cpu during, Cpu after, double pauseSeconds, long backlogAtEnd,
                 long lagAtEnd, double drainedSeconds, double committedSeconds, long backlogAfter, long lagAfter, Events events) {

        double perRequest(Function<Cpu, Long> part) {
            long n = Math.max(1, load.requests());
            return (part.apply(during) + part.apply(after)) / 1e6 / n;
        }

        double deferredShare() {
            return during.suite() == 0 ? Double.NaN : (double) after.suite() / during.suite();
        }

        String label() {
            return paced > 0 ? String.format(Locale.ROOT, "%s held to %.0f/s", kind.label, paced) : kind.label;
        }

        String progress() {
            return String.format(Locale.ROOT, "round %d %-11s %7d requests, %6.0f/s, p50 %.1f ms, p99 %.1f ms, %d errors%s%s; "
                            + "%.2f ms CPU per request (%.0f %% deferred); drained after %s", index, label(), load.requests(),
                    load.rate(), load.percentileMillis(0.5), load.percentileMillis(0.99), load.errors(),
                    load.firstError == null ? "" : " (first: " + load.firstError + ")",
                    load.dry ? " [ran out of cases to submit]" : "",
                    perRequest(Cpu::total), 100 * deferredShare(), drainedSeconds < 0 ? "-" : String.format(Locale.ROOT, "%.1f s", drainedSeconds));
        }
    }

    /**
     * One table: a row per round (its ratios to the bare insert of the same round; rounds held to a rate: to the bare
     * insert's median), then per kind the median of its full-speed rounds (the worst backlog, lag and drain).
     */
    static void report(List<Round> rounds) {
        System.out.println();
        System.out.println("| kind | round | rate (req/s) | p50 ms | p99 ms | errors | events/req | CPU ms/req: service | postgres | kafka "
                + "| driver | total | deferred | backlog / lag at load end | drained after | backlog / lag after pause "
                + "| event→consumer p50 / p99 ms | commit→broker p50 / p99 ms | rate ÷ bare | p99 ÷ bare | CPU/req ÷ bare |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        List<Round> bare = rounds.stream().filter(r -> r.kind == Kind.BARE && r.paced == 0).toList();
        double bareRate = med(bare, r -> r.load.rate());
        double bareP99 = med(bare, r -> r.load.percentileMillis(0.99));
        double bareCpu = med(bare, r -> r.perRequest(Cpu::total));
        for (Round r : rounds) {
            Round sameRound = bare.stream().filter(x -> x.index == r.index && r.paced == 0).findFirst().orElse(null);
            double[] v = {r.load.rate(), r.load.percentileMillis(0.5), r.load.percentileMillis(0.99), r.load.errors(),
                    (double) r.events.count / Math.max(1, r.load.requests()), r.perRequest(Cpu::service),
                    r.perRequest(Cpu::postgres), r.perRequest(Cpu::kafka), r.perRequest(Cpu::driver), r.perRequest(Cpu::total),
                    r.deferredShare(), r.events.consumerP50, r.events.consumerP99, r.events.relayP50, r.events.relayP99};
            double rate = sameRound == null ? bareRate : sameRound.load.rate();
            double p99 = sameRound == null ? bareP99 : sameRound.load.percentileMillis(0.99);
            double cpu = sameRound == null ? bareCpu : sameRound.perRequest(Cpu::total);
            System.out.println(row(r.label(), r.paced > 0 ? "–" : String.valueOf(r.index), v,
                    r.backlogAtEnd + " / " + r.lagAtEnd, drained(r.drainedSeconds) + " (offsets " + drained(r.committedSeconds) + ")", r.backlogAfter + " / " + r.lagAfter,
                    v[0] / rate, v[2] / p99, v[9] / cpu));
        }
        for (Kind kind : Kind.values()) {
            List<Round> of = rounds.stream().filter(r -> r.kind == kind && r.paced == 0).toList();
            double[] v = {med(of, r -> r.load.rate()), med(of, r -> r.load.percentileMillis(0.5)),
                    med(of, r -> r.load.percentileMillis(0.99)), of.stream().mapToLong(r -> r.load.errors()).sum(),
                    med(of, r -> (double) r.events.count / Math.max(1, r.load.requests())), med(of, r -> r.perRequest(Cpu::service)),
                    med(of, r -> r.perRequest(Cpu::postgres)), med(of, r -> r.perRequest(Cpu::kafka)),
                    med(of, r -> r.perRequest(Cpu::driver)), med(of, r -> r.perRequest(Cpu::total)), med(of, Round::deferredShare),
                    med(of, r -> r.events.consumerP50), med(of, r -> r.events.consumerP99), med(of, r -> r.events.relayP50),
                    med(of, r -> r.events.relayP99)};
            boolean undrained = of.stream().anyMatch(r -> r.drainedSeconds < 0);
            System.out.println(row("**" + kind.label + "**", "median", v,
                    of.stream().mapToLong(r -> r.backlogAtEnd).max().orElse(0) + " / " + of.stream().mapToLong(r -> r.lagAtEnd).max().orElse(0),
                    (undrained ? drained(-1) : drained(of.stream().mapToDouble(r -> r.drainedSeconds).max().orElse(0)))
                            + " (offsets " + (of.stream().anyMatch(r -> r.committedSeconds < 0) ? drained(-1)
                            : drained(of.stream().mapToDouble(r -> r.committedSeconds).max().orElse(0))) + ")",
                    of.stream().mapToLong(r -> r.backlogAfter).max().orElse(0) + " / " + of.stream().mapToLong(r -> r.lagAfter).max().orElse(0),
                    v[0] / bareRate, v[2] / bareP99, v[9] / bareCpu));
        }
        System.out.println();
        System.out.println("CPU per request counts the load and the pause after it; deferred = CPU of service + PostgreSQL + Kafka in the "
                + "pause ÷ theirs during the load; lag = committed offsets of case-service's consumer groups (committed every 5 s, "
                + "'throttled'); drained after = seconds from the end of the load until the outbox was empty and every event of the "
                + "round was in its consumer's inbox (offsets: until the committed lag was 0 too; the pause lasts at least that long); event→consumer = occurred_at (in the request's transaction) to the inbox row's "
                + "processed_at; events/req = outbox rows per request (creation: access-recorded; submission: submitted, "
                + "manager-assigned, access-recorded); median rows: errors summed, backlog, lag and drain the worst round's.");
    }

    static String drained(double seconds) {
        return seconds < 0 ? "not in " + MAX_DRAIN_SECONDS + " s" : String.format(Locale.ROOT, "%.1f s", seconds);
    }

    static String row(String kind, String round, double[] v, String atEnd, String drained, String after, double rateRatio,
                      double p99Ratio, double cpuRatio) {
        return String.format(Locale.ROOT, "| %s | %s | %,.0f | %.1f | %.1f | %.0f | %.2f | %.3f | %.3f | %.3f | %.3f | %.3f | %.0f %% "
                        + "| %s | %s | %s | %s / %s | %s / %s | %.2f | %.2f | %.2f |",
                kind, round, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], 100 * v[10], atEnd, drained, after,
                fmt(v[11]), fmt(v[12]), fmt(v[13]), fmt(v[14]), rateRatio, p99Ratio, cpuRatio);
    }

    static double med(List<Round> rounds, java.util.function.ToDoubleFunction<Round> f) {
        double[] v = rounds.stream().mapToDouble(f).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static String fmt(double millis) {
        return Double.isNaN(millis) ? "–" : millis >= 100 ? String.format(Locale.ROOT, "%.0f", millis) : String.format(Locale.ROOT, "%.1f", millis);
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }
}
