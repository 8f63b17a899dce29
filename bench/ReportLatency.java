import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bench/report.sh's event latency (issue 18): on the running suite (deploy/local/start.sh), CASES cases at RATE per
 * second, each opened and submitted by a patient and then asked for records by its personal doctor, all through the
 * gateway with real Keycloak tokens. The first event of a case that reaches the PATIENT's inbox is
 * consilium.case.records-requested.v1 (case.submitted goes to the partner's webhook only), so per case it measures
 * case-service's outbox row of that event ({@code outbox_event.occurred_at}, written in the request's transaction)
 * to notification-service's INBOX delivery row for the patient ({@code delivery.created_at}, written in the
 * consumer's transaction). Reference, for the same events: the outbox row to the relay's publish ({@code sent_at},
 * marked after the broker's acknowledgement), the part of the way the platform's relay alone takes. WARMUP_CASES
 * (default 0) cases first, the same way and not counted: the suite may have just been started, its JIT still cold.
 * <p>
 * The run's people are its own, made through Keycloak's admin API as e2e's FaultPeople does: a plan allows 100
 * opinions a member a year, and the gateway 300 calls a minute a user, so a patient per CASES_PER_PATIENT cases (the
 * cases dealt to them in turn) and enough patients and doctors (tenant acme, case-manager) that none calls more than
 * about 150 times a minute. The patients ask
 * for LANGUAGE (default fi) and only the run's doctors speak it, so case-service assigns every case to one of them and
 * no demo doctor's capacity is used; the doctors leave acme's team (inactive) at the end. Prints figures; asserts
 * nothing.
 */
public class ReportLatency {

    static final String TYPE = "consilium.case.records-requested.v1";
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static final String GATEWAY = env("GATEWAY", "http://127.0.0.1:8080");
    static final String KEYCLOAK = env("KEYCLOAK", "http://127.0.0.1:8180");
    static final String TENANT = env("TENANT", "acme");
    static final String LANGUAGE = env("LANGUAGE", "fi");
    static final String PLAN = env("PLAN", "Report");

    public static void main(String[] args) throws Exception {
        int cases = Integer.parseInt(env("CASES", "200"));
        double rate = Double.parseDouble(env("RATE", "5"));
        int perPatient = Integer.parseInt(env("CASES_PER_PATIENT", "50"));
        int drainSeconds = Integer.parseInt(env("DRAIN_SECONDS", "120"));
        String caseJdbc = env("CASE_JDBC", "jdbc:postgresql://127.0.0.1:5432/consilium_case");
        String notifyJdbc = env("NOTIFY_JDBC", "jdbc:postgresql://127.0.0.1:5432/consilium_notification");
        String run = "rpt" + Long.toString(System.currentTimeMillis() / 1000, 36);

        // 1. People, plan, roster, team.
        Keycloak keycloak = new Keycloak();
        List<String> patients = new ArrayList<>();
        // ... and each patient makes two calls per case: at most about 150 a minute each, the cases dealt in turn
        int warmupTotal = cases + Integer.parseInt(env("WARMUP_CASES", "0"));
        int patientCount = Math.max((warmupTotal + perPatient - 1) / perPatient, (int) Math.ceil(rate * 2 * 60 / 150));
        for (int k = 0; k < patientCount; k++) {
            String user = run + "-p" + k;
            keycloak.make(user, "patient", "\"attributes\":{\"tenant\":[\"" + TENANT + "\"],\"memberId\":[\"R-" + user + "\"]},");
            patients.add(user);
        }
        // the gateway allows a user 300 calls a minute: each doctor makes one call per case
        int doctorCount = Math.max(2, (int) Math.ceil(rate * 60 / 100));
        Map<String, String> doctorBySubject = new HashMap<>();
        for (int k = 0; k < doctorCount; k++) {
            String user = run + "-d" + k;
            doctorBySubject.put(keycloak.make(user, "case-manager", "\"attributes\":{\"tenant\":[\"" + TENANT + "\"]},"), user);
        }
        Tokens tokens = new Tokens();
        String ops = tokens.user("olivia", "olivia-pw");
        Reply plan = call("POST", "/api/v1/plans", ops, """
                {"tenant":"%s","name":"%s","coveredSpecialties":["urology"],"opinionsPerMemberPerYear":100,
                 "allowedSpecialistCountries":[],"recordsSlaBusinessDays":5,"reviewSlaBusinessDays":10,"maxPanelSize":3,
                 "active":true}""".formatted(TENANT, PLAN), null);
        expect(plan, "plan", 201, 409);
        StringBuilder roster = new StringBuilder("memberId,plan,validFrom,validTo\n");
        patients.forEach(p -> roster.append("R-").append(p).append(',').append(PLAN).append(",2026-01-01,\n"));
        expect(send("POST", "/api/v1/roster", tokens.partner("partner-" + TENANT, env("PARTNER_SECRET", TENANT + "-secret")),
                "text/csv", roster.toString(), null), "roster", 200, 201, 202);
        for (Map.Entry<String, String> d : doctorBySubject.entrySet()) {
            expect(call("PUT", "/api/v1/case-managers/" + d.getKey(), ops, team(d.getValue(), true), null), "team", 200, 201);
        }
        System.out.printf(Locale.ROOT, "run %s: %d patients, %d doctors (tenant %s, language %s), plan %s%n",
                run, patients.size(), doctorCount, TENANT, LANGUAGE, PLAN);

        // 2. The cases: open and submit (patient), ask for records (personal doctor), RATE a second, an open model.
        // Every user's token is fetched before the clock starts, so Keycloak is not in the measured calls.
        for (String p : patients) {
            tokens.user(p, p + "-pw");
        }
        for (String d : doctorBySubject.values()) {
            tokens.user(d, d + "-pw");
        }
        int warmupCases = Integer.parseInt(env("WARMUP_CASES", "0"));
        if (warmupCases > 0) {
            // the suite may have just started: its JIT compiles the paths during the first cases, as a suite that has
            // run for a while has long done
            Walk warm = walk(run, 0, warmupCases, rate, patients, doctorBySubject, tokens);
            System.out.printf(Locale.ROOT, "warm-up: %d of %d cases asked for records in %.1f s (not counted below)%n",
                    warm.caseIds.size(), warmupCases, warm.took);
            Thread.sleep(2000);
        }
        Walk w = walk(run, warmupCases, cases, rate, patients, doctorBySubject, tokens);
        Map<String, List<Long>> stepMillis = w.stepMillis;
        Map<String, AtomicInteger> stepErrors = w.stepErrors;
        List<String> caseIds = w.caseIds;
        List<String> failures = w.failures;
        double took = w.took;
        System.out.printf(Locale.ROOT, "cases: %d of %d asked for records in %.1f s (offered %.1f/s); errors: %s%n",
                caseIds.size(), cases, took, rate, stepErrors.isEmpty() ? "none" : stepErrors);
        failures.forEach(f -> System.out.println("  failed " + f));
        for (String step : List.of("open", "submit", "records-request")) {
            List<Long> ms = new ArrayList<>(stepMillis.getOrDefault(step, List.of()));
            Collections.sort(ms);
            System.out.printf(Locale.ROOT, "  %-16s request -> answer through the gateway: n=%d p50 %d ms p99 %d ms%n",
                    step, ms.size(), (long) pct(ms, 50), (long) pct(ms, 99));
        }

        // 3. The events: outbox row -> relay's publish, and -> the patient's INBOX delivery, once every one is there.
        Map<String, Instant[]> byEvent = new HashMap<>(); // event id -> {occurred, sent, inbox}
        long deadline = System.currentTimeMillis() + drainSeconds * 1000L;
        int complete = 0;
        try (Connection caseDb = DriverManager.getConnection(caseJdbc, "consilium", "consilium");
             Connection notifyDb = DriverManager.getConnection(notifyJdbc, "consilium", "consilium")) {
            do {
                complete = read(caseDb, notifyDb, caseIds, byEvent);
                if (complete == caseIds.size()) {
                    break;
                }
                Thread.sleep(500);
            } while (System.currentTimeMillis() < deadline);
        }
        List<Double> toInbox = new ArrayList<>();
        List<Double> toBroker = new ArrayList<>();
        List<Double> brokerToInbox = new ArrayList<>();
        for (Instant[] t : byEvent.values()) {
            if (t[1] != null) {
                toBroker.add(ms(t[0], t[1]));
            }
            if (t[2] != null) {
                toInbox.add(ms(t[0], t[2]));
            }
            if (t[1] != null && t[2] != null) {
                brokerToInbox.add(ms(t[1], t[2]));
            }
        }
        Collections.sort(toInbox);
        Collections.sort(toBroker);
        Collections.sort(brokerToInbox);
        System.out.printf(Locale.ROOT, "records-requested, outbox commit -> patient's INBOX delivery: n=%d p50 %.1f ms p99 %.1f ms max %.1f ms (missing %d)%n",
                toInbox.size(), pct(toInbox, 50), pct(toInbox, 99), pct(toInbox, 100), caseIds.size() - toInbox.size());
        System.out.printf(Locale.ROOT, "reference, outbox commit -> relay publish (sent_at): n=%d p50 %.1f ms p99 %.1f ms max %.1f ms%n",
                toBroker.size(), pct(toBroker, 50), pct(toBroker, 99), pct(toBroker, 100));
        System.out.printf(Locale.ROOT, "the rest, relay publish -> INBOX delivery: n=%d p50 %.1f ms p99 %.1f ms max %.1f ms%n",
                brokerToInbox.size(), pct(brokerToInbox, 50), pct(brokerToInbox, 99), pct(brokerToInbox, 100));

        // 4. The run's doctors leave the team: the next run has its own.
        String opsAgain = tokens.user("olivia", "olivia-pw");
        for (Map.Entry<String, String> d : doctorBySubject.entrySet()) {
            expect(call("PUT", "/api/v1/case-managers/" + d.getKey(), opsAgain, team(d.getValue(), false), null), "team", 200);
        }
    }

    /** What a batch of cases did: the ids of those asked for records, each step's answer times, the errors. */
    static final class Walk {
        final Map<String, List<Long>> stepMillis = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> stepErrors = new ConcurrentHashMap<>();
        final List<String> caseIds = Collections.synchronizedList(new ArrayList<>());
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        double took;
    }

    /** Cases number {@code from} to {@code from + count - 1}, one every 1/rate s (an open model). */
    static Walk walk(String run, int from, int count, double rate, List<String> patients, Map<String, String> doctorBySubject,
                     Tokens tokens) throws InterruptedException {
        Walk w = new Walk();
        Map<String, List<Long>> stepMillis = w.stepMillis;
        Map<String, AtomicInteger> stepErrors = w.stepErrors;
        List<String> caseIds = w.caseIds;
        List<String> failures = w.failures;
        CountDownLatch done = new CountDownLatch(count);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        ExecutorService workers = Executors.newFixedThreadPool(64);
        long period = Math.round(1_000_000 / rate);
        Instant started = Instant.now();
        for (int n = 0; n < count; n++) {
            int number = from + n;
            clock.schedule(() -> workers.execute(() -> {
                try {
                    String patient = patients.get(number % patients.size());
                    String patientToken = tokens.user(patient, patient + "-pw");
                    String key = run + "-" + number;
                    Reply opened = timed(stepMillis, "open", () -> call("POST", "/api/v1/cases", patientToken,
                            caseBody("R-" + patient), key + "-open"));
                    if (opened.status != 201) {
                        throw new StepFailed("open", opened);
                    }
                    String id = field(opened.body, "id");
                    Reply submitted = timed(stepMillis, "submit", () -> call("POST", "/api/v1/cases/" + id + "/submit",
                            patientToken, null, key + "-submit"));
                    if (submitted.status != 200) {
                        throw new StepFailed("submit", submitted);
                    }
                    String manager = optionalField(submitted.body, "managerId");
                    String doctor = manager == null ? null : doctorBySubject.get(manager);
                    if (doctor == null) {
                        throw new StepFailed("submit", new Reply(0, "no doctor of the run assigned: " + submitted.body));
                    }
                    String doctorToken = tokens.user(doctor, doctor + "-pw");
                    Reply requested = timed(stepMillis, "records-request", () -> call("POST", "/api/v1/cases/" + id + "/records-requests",
                            doctorToken,
                            "{\"items\":[{\"code\":\"PATHOLOGY_REPORT\",\"label\":\"Biopsy pathology report\",\"required\":true}]}",
                            key + "-records"));
                    if (requested.status != 200 && requested.status != 201) {
                        throw new StepFailed("records-request", requested);
                    }
                    caseIds.add(id);
                } catch (StepFailed e) {
                    stepErrors.computeIfAbsent(e.step, s -> new AtomicInteger()).incrementAndGet();
                    if (failures.size() < 5) {
                        failures.add(e.step + ": " + e.reply.status + " " + e.reply.body.substring(0, Math.min(300, e.reply.body.length())));
                    }
                } catch (RuntimeException e) {
                    stepErrors.computeIfAbsent("other", s -> new AtomicInteger()).incrementAndGet();
                    if (failures.size() < 5) {
                        failures.add(e.toString());
                    }
                } finally {
                    done.countDown();
                }
            }), (number - from) * period, TimeUnit.MICROSECONDS);
        }
        done.await((long) (count / rate) + 300, TimeUnit.SECONDS);
        w.took = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        clock.shutdownNow();
        workers.shutdownNow();
        return w;
    }

    /** Reads what is there for the cases' records-requested events; returns how many have their INBOX row. */
    static int read(Connection caseDb, Connection notifyDb, List<String> caseIds, Map<String, Instant[]> byEvent) throws SQLException {
        try (PreparedStatement q = caseDb.prepareStatement(
                "select event_id, occurred_at, sent_at from outbox_event where type = ? and subject = any(?)")) {
            q.setString(1, TYPE);
            q.setArray(2, caseDb.createArrayOf("varchar", caseIds.toArray()));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    Instant[] t = byEvent.computeIfAbsent(r.getString(1), e -> new Instant[3]);
                    t[0] = r.getTimestamp(2).toInstant();
                    Timestamp sent = r.getTimestamp(3);
                    t[1] = sent == null ? null : sent.toInstant();
                }
            }
        }
        Object[] ids = byEvent.keySet().stream().map(UUID::fromString).toArray();
        try (PreparedStatement q = notifyDb.prepareStatement("select event_id, min(created_at) from delivery"
                + " where channel = 'INBOX' and recipient_kind = 'PATIENT' and event_id = any(?) group by event_id")) {
            Array array = notifyDb.createArrayOf("uuid", ids);
            q.setArray(1, array);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    byEvent.get(r.getString(1))[2] = r.getTimestamp(2).toInstant();
                }
            }
        }
        return (int) byEvent.values().stream().filter(t -> t[1] != null && t[2] != null).count();
    }

    static double ms(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }

    static <T extends Number & Comparable<T>> double pct(List<T> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1))).doubleValue();
    }

    static String caseBody(String memberId) {
        return """
                {"memberId":"%s","patient":{"name":"Report Patient","preferredLanguage":"%s","countryOfResidence":"ES"},
                 "reasons":["CONFIRM_DIAGNOSIS"],"diagnosis":{"text":"Localised prostate cancer","icd10Code":"C61"},
                 "proposedTreatment":"Radical prostatectomy","requestedSpecialty":"urology","urgency":"ROUTINE",
                 "questions":["DIAGNOSIS_CORRECT","SURGERY_NECESSARY"]}""".formatted(memberId, LANGUAGE);
    }

    static String team(String user, boolean active) {
        return """
                {"tenant":"%s","name":"Dr. %s","languages":["%s"],"capacity":1000,"active":%s}"""
                .formatted(TENANT, user, LANGUAGE, active);
    }

    interface Call {
        Reply get();
    }

    static Reply timed(Map<String, List<Long>> stepMillis, String step, Call call) {
        long t0 = System.nanoTime();
        Reply reply = call.get();
        stepMillis.computeIfAbsent(step, s -> Collections.synchronizedList(new ArrayList<>()))
                .add((System.nanoTime() - t0) / 1_000_000);
        return reply;
    }

    record Reply(int status, String body) {
    }

    static final class StepFailed extends RuntimeException {
        final String step;
        final Reply reply;

        StepFailed(String step, Reply reply) {
            super(step + ": " + reply.status);
            this.step = step;
            this.reply = reply;
        }
    }

    static Reply call(String method, String path, String token, String json, String idempotencyKey) {
        return send(method, path, token, "application/json", json, idempotencyKey);
    }

    static Reply send(String method, String path, String token, String contentType, String body, String idempotencyKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : GATEWAY + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", contentType);
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", "\"" + idempotencyKey + "\"");
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (java.io.IOException e) {
            return new Reply(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Reply expect(Reply reply, String what, int... statuses) {
        for (int s : statuses) {
            if (reply.status == s) {
                return reply;
            }
        }
        throw new IllegalStateException(what + ": HTTP " + reply.status + " " + reply.body);
    }

    /** Tokens from the local realm, each fetched again a minute before it expires. */
    static final class Tokens {
        private record Held(String token, long until) {
        }

        private final Map<String, Held> held = new ConcurrentHashMap<>();

        String user(String user, String password) {
            return get(user, "grant_type=password&client_id=consilium-app&scope=openid&username=" + enc(user) + "&password=" + enc(password));
        }

        String partner(String client, String secret) {
            return get(client, "grant_type=client_credentials&client_id=" + enc(client) + "&client_secret=" + enc(secret));
        }

        private String get(String who, String form) {
            Held h = held.get(who);
            if (h != null && System.currentTimeMillis() < h.until) {
                return h.token;
            }
            Reply r = expect(send("POST", KEYCLOAK + "/realms/consilium/protocol/openid-connect/token", null,
                    "application/x-www-form-urlencoded", form, null), "token for " + who, 200);
            long expiresIn = Long.parseLong(numberField(r.body, "expires_in"));
            h = new Held(field(r.body, "access_token"), System.currentTimeMillis() + Math.max(10, expiresIn - 60) * 1000);
            held.put(who, h);
            return h.token;
        }
    }

    /** The realm's admin API (admin / admin, as deploy/local/keycloak.sh starts it). */
    static final class Keycloak {
        private final String api = KEYCLOAK + "/admin/realms/consilium";
        private final String admin;

        Keycloak() {
            admin = field(expect(send("POST", KEYCLOAK + "/realms/master/protocol/openid-connect/token", null,
                    "application/x-www-form-urlencoded", "grant_type=password&client_id=admin-cli&username=admin&password=admin", null),
                    "admin token", 200).body, "access_token");
        }

        /** Makes the user with password {@code <user>-pw} and the realm role; returns the subject (user id). */
        String make(String user, String role, String attributes) {
            expect(call("POST", api + "/users", admin, """
                    {"username":"%s","enabled":true,"email":"%s@example.org","emailVerified":true,"firstName":"Report",
                     "lastName":"%s",%s"credentials":[{"type":"password","value":"%s-pw","temporary":false}]}"""
                    .formatted(user, user, user, attributes, user), null), "user " + user, 201);
            String id = field(expect(call("GET", api + "/users?exact=true&username=" + enc(user), admin, null, null), "user id", 200).body, "id");
            String realmRole = expect(call("GET", api + "/roles/" + role, admin, null, null), "role " + role, 200).body;
            expect(call("POST", api + "/users/" + id + "/role-mappings/realm", admin, "[" + realmRole + "]", null), "role mapping", 204);
            return id;
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    static String field(String json, String name) {
        String v = optionalField(json, name);
        if (v == null) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return v;
    }

    static String optionalField(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static String numberField(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
