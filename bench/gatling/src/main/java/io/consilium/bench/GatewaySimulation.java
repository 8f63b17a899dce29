package io.consilium.bench;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Stream;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The gateway benchmark's load (issue 16): constant-rate, open-model steps of case creation ({@code POST
 * /api/v1/cases} as a partner, a new {@code Idempotency-Key} each) and of the case overview (the gateway's
 * {@code GET /api/v1/cases/{id}/overview}; straight: the client fetches the same eight parts from the services
 * itself, in parallel, timed as one group),
 * each rate once through the gateway and once straight to the service.
 *
 * <p>The steps run one after the other ({@code andThen}: a step starts when every request of the one before has its
 * answer). Between two steps a one-user marker waits {@code bench.gap} (the outbox relay's and the JIT's tail of
 * the step before) and appends one line to {@code bench.marks}: the step that starts, the wall clock and the CPU
 * ticks (user + system, {@code /proc/<pid>/stat}) of every process in {@code bench.pids}. The script takes each
 * step's CPU from two consecutive lines; Gatling's report (its {@code js/stats.json}) has the latencies, one
 * request name per step.
 *
 * <p>System properties: {@code bench.gateway}, {@code bench.direct} (base URLs), {@code bench.token} (the partner's
 * bearer token), {@code bench.members} (members M-000001 ... in the roster), {@code bench.rates} (e.g.
 * {@code 200,500,1000}), {@code bench.step} (seconds per step), {@code bench.warmup} (seconds per warm-up step, at
 * {@code bench.warmup-rate}; 0 for none), {@code bench.kinds} ({@code create,overview}), {@code bench.targets}
 * ({@code direct,gateway}), {@code bench.services} ({@code name=url,...}, for the overview's parts), {@code bench.pids}
 * ({@code name=pid,...}), {@code bench.marks} (file), {@code bench.gap} (seconds).
 */
public class GatewaySimulation extends Simulation {

    private static final String GATEWAY = System.getProperty("bench.gateway", "http://127.0.0.1:18180");
    private static final String DIRECT = System.getProperty("bench.direct", "http://127.0.0.1:18181");
    /** Base URLs of the services for the overview's parts straight from them ({@code name=url,...}). */
    private static final Map<String, String> SERVICES = urls(System.getProperty("bench.services", ""));
    private static final String TOKEN = System.getProperty("bench.token", "");
    private static final int MEMBERS = Integer.getInteger("bench.members", 10_000);
    private static final List<Integer> RATES = Stream.of(System.getProperty("bench.rates", "200,500,1000").split(","))
            .map(String::trim).map(Integer::valueOf).toList();
    private static final int STEP = Integer.getInteger("bench.step", 30);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 20);
    private static final int WARMUP_RATE = Integer.getInteger("bench.warmup-rate", 200);
    private static final List<String> KINDS = List.of(System.getProperty("bench.kinds", "create,overview").split(","));
    private static final List<String> TARGETS = List.of(System.getProperty("bench.targets", "direct,gateway").split(","));
    private static final Map<String, Integer> PIDS = pids(System.getProperty("bench.pids", ""));
    private static final Path MARKS = Path.of(System.getProperty("bench.marks", "marks.txt"));
    private static final int GAP = Integer.getInteger("bench.gap", 2);
    /** false: case creation without Idempotency-Key (the gateway streams the POST instead of keeping its answer). */
    private static final boolean IDEMPOTENCY = Boolean.parseBoolean(System.getProperty("bench.idempotency", "true"));

    /** Ids of the cases the creation steps made, for the overview steps (which come after them at each rate). */
    private static final AtomicReferenceArray<String> CASES = new AtomicReferenceArray<>(2_000_000);
    private static final AtomicInteger CASE_COUNT = new AtomicInteger();
    /** Overview answers through the gateway marked {@code partial: true} (a part missing: late or failed). */
    private static final AtomicInteger PARTIAL = new AtomicInteger();

    private static final String INTAKE = """
            {"memberId":"#{memberId}",
             "patient":{"preferredLanguage":"es","countryOfResidence":"ES"},
             "reasons":["CONFIRM_DIAGNOSIS"],
             "diagnosis":{"text":"Localised prostate cancer, Gleason 7","icd10Code":"C61"},
             "proposedTreatment":"Radical prostatectomy",
             "requestedSpecialty":"urology","urgency":"ROUTINE",
             "questions":["DIAGNOSIS_CORRECT","SURGERY_NECESSARY"]}""";

    /** The steps' names, in order (also their request names in the report). */
    private final List<String> names = new ArrayList<>();

    // One pool of keep-alive connections for all virtual users, as a partner's HTTP client has; a virtual user
    // per request (the open model) would otherwise open a connection per request.
    private final HttpProtocolBuilder protocol = http
            .acceptHeader("application/json")
            .authorizationHeader("Bearer " + TOKEN)
            .shareConnections()
            // Gatling fetches a request's resources like a browser, six connections per host unless told otherwise:
            // the straight overview's eight parts at 100/s need many more
            .maxConnectionsPerHost(512)
            .disableCaching()
            .disableFollowRedirect();

    {
        List<PopulationBuilder> steps = new ArrayList<>();
        int n = 0;
        if (WARMUP > 0) {
            for (String kind : KINDS) {
                List<String> warmOrder = new ArrayList<>(TARGETS);
                Collections.reverse(warmOrder); // the warm-up in the other order
                for (String target : warmOrder) {
                    steps.add(step(++n, kind, target, WARMUP_RATE, WARMUP, "warm-up"));
                }
            }
        }
        for (int rate : RATES) {
            for (String kind : KINDS) {
                for (String target : TARGETS) {
                    steps.add(step(++n, kind, target, rate, STEP, ""));
                }
            }
        }
        // marker, step, marker, step, ..., marker: each one starts when the one before has ended
        PopulationBuilder chain = marker(n + 1, "end");
        for (int i = steps.size() - 1; i >= 0; i--) {
            chain = steps.get(i).andThen(chain);
            chain = marker(i + 1, stepName(i)).andThen(chain);
        }
        setUp(chain).protocols(protocol);
    }

    private String stepName(int index) {
        return names.get(index);
    }

    private PopulationBuilder step(int n, String kind, String target, int rate, int seconds, String label) {
        String name = String.format("%02d %s %s %d/s%s", n, kind, target, rate, label.isEmpty() ? "" : " " + label);
        names.add(name);
        String base = target.equals("gateway") ? GATEWAY : DIRECT;
        ScenarioBuilder scn;
        if (kind.equals("create")) {
            var post = http(name).post(base + "/api/v1/cases").header("Content-Type", "application/json");
            if (IDEMPOTENCY) {
                post = post.header("Idempotency-Key", "#{key}");
            }
            scn = scenario(name).feed(members()).exec(post
                    .body(StringBody(INTAKE))
                    .check(status().is(201))
                    .check(jsonPath("$.id").saveAs("caseId")))
                    .exec(session -> {
                        if (session.contains("caseId")) {
                            int at = CASE_COUNT.getAndIncrement();
                            if (at < CASES.length()) {
                                CASES.set(at, session.getString("caseId"));
                            }
                        }
                        return session;
                    });
        } else {
            if (target.equals("gateway")) {
                scn = scenario(name).feed(cases()).exec(http(name).get(base + "/api/v1/cases/#{caseId}/overview")
                                .check(status().is(200)).check(jsonPath("$.partial").optional().saveAs("partial")))
                        .exec(session -> {
                            if ("true".equals(session.getString("partial"))) {
                                PARTIAL.incrementAndGet();
                            }
                            return session;
                        });
            } else {
                // like for like: the client fetches the overview's eight parts itself, at once, from the services
                // (Gatling fetches a request's resources in parallel once the request has its answer: the request
                // is case-service's liveness probe, about a millisecond). Group time = the slowest part.
                scn = scenario(name).feed(cases()).group(name).on(exec(http(name + " part").get(DIRECT + "/q/health/live")
                        .resources(overviewParts(name))));
            }
        }
        return scn.injectOpen(label.isEmpty() ? constantUsersPerSec(rate).during(Duration.ofSeconds(seconds))
                : rampUsersPerSec(Math.max(1, rate / 10.0)).to(rate).during(Duration.ofSeconds(seconds)));
    }

    /**
     * The gateway's overview parts (gateway/service/CaseOverviews), each straight from its service: answered 200,
     * or 403/404 where the service refuses the partner, as the gateway's part calls are.
     */
    private static io.gatling.javaapi.http.HttpRequestActionBuilder[] overviewParts(String step) {
        String c = "/api/v1/cases/#{caseId}";
        String[][] parts = {{"case-service", c}, {"case-service", c + "/timeline"}, {"case-service", c + "/sla"},
                {"document-service", c + "/checklist"}, {"document-service", c + "/specimens"},
                {"specialist-service", c + "/panel"}, {"report-service", c + "/reports"},
                {"notification-service", "/api/v1/me/notifications?size=100"}};
        var requests = new io.gatling.javaapi.http.HttpRequestActionBuilder[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String url = SERVICES.getOrDefault(parts[i][0], DIRECT) + parts[i][1];
            requests[i] = http(step + " part").get(url).check(status().in(200, 403, 404));
        }
        return requests;
    }

    private static Map<String, String> urls(String spec) {
        Map<String, String> urls = new java.util.HashMap<>();
        for (String entry : spec.split(",")) {
            if (entry.contains("=")) {
                urls.put(entry.substring(0, entry.indexOf('=')).trim(), entry.substring(entry.indexOf('=') + 1).trim());
            }
        }
        return urls;
    }

    /** One user: waits the gap, then writes the step's start line (CPU ticks of every process). */
    private PopulationBuilder marker(int n, String next) {
        return scenario(String.format("mark %02d", n))
                .pause(Duration.ofSeconds(GAP))
                .exec(session -> {
                    mark(next);
                    return session;
                })
                .injectOpen(atOnceUsers(1));
    }

    private static synchronized void mark(String next) {
        StringBuilder line = new StringBuilder().append(System.currentTimeMillis()).append('\t').append(next);
        for (Map.Entry<String, Integer> p : PIDS.entrySet()) {
            line.append('\t').append(p.getKey()).append('=').append(ticks(p.getValue()));
        }
        line.append('\t').append("gatling=").append(ticks((int) ProcessHandle.current().pid()));
        line.append('\t').append("machine=").append(machineBusyTicks());
        line.append('\t').append("cases=").append(CASE_COUNT.get());
        line.append('\t').append("partial=").append(PARTIAL.get()).append('\n');
        try {
            Files.writeString(MARKS, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** utime + stime of a process, in clock ticks; -1 when it is gone. */
    private static long ticks(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15, counted from the state (3)
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Busy clock ticks of all cores together (/proc/stat: everything but idle and iowait). */
    private static long machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static Iterator<Map<String, Object>> members() {
        return Stream.generate(() -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("memberId", String.format("M-%06d", 1 + ThreadLocalRandom.current().nextInt(MEMBERS)));
            row.put("key", UUID.randomUUID().toString());
            return row;
        }).iterator();
    }

    private static Iterator<Map<String, Object>> cases() {
        return Stream.generate(() -> {
            int count = Math.min(CASE_COUNT.get(), CASES.length());
            String id = null;
            while (id == null && count > 0) { // a slot counted but not yet written stays null for a moment
                id = CASES.get(ThreadLocalRandom.current().nextInt(count));
            }
            return Collections.<String, Object>singletonMap("caseId", id == null ? UUID.randomUUID().toString() : id);
        }).iterator();
    }

    private static Map<String, Integer> pids(String spec) {
        Map<String, Integer> pids = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            if (part.contains("=")) {
                String[] kv = part.split("=", 2);
                pids.put(kv[0].trim(), Integer.valueOf(kv[1].trim()));
            }
        }
        return pids;
    }
}
