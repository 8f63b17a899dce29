package io.consilium.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.consilium.platform.testing.OpenApiOperations.Body;
import io.consilium.platform.testing.OpenApiOperations.Operation;
import io.consilium.platform.testing.OpenApiOperations.Param;
import io.consilium.platform.testing.OpenApiOperations.StringField;
import io.restassured.RestAssured;
import io.consilium.platform.testing.ProbeHttp.Answer;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A probe of the service's own API, driven by its OpenAPI document ({@code /q/openapi?format=json}), so that an
 * endpoint added tomorrow is probed without anyone remembering to: a service's {@code ApiProbeTest} extends it as a
 * {@code @QuarkusTest} and says only what the document cannot (its public operations, the objects of its fixture).
 * For every operation under {@code /api/}:
 * <ol>
 * <li><b>No token, 401.</b> Without {@code Authorization} it answers 401 problem+json, unless the service declares
 *     it public ({@link #publicOperations()}).</li>
 * <li><b>Bad text, 4xx and nothing changes.</b> Each string of its JSON body (a sample built from the schema), each
 *     query parameter and each path parameter that is a string rather than a uuid is replaced, one at a time, by a
 *     value holding NUL (U+0000), BEL (U+0007) and a bidi override (U+202E): the answer is 400 problem+json naming
 *     the field (for plain strings; a string with an enum or a format such as uuid or date needs only be a 4xx),
 *     never 2xx or 5xx. Then by a value one character over the schema's {@code maxLength} (any 4xx: a declared
 *     limit must hold, not end as a database error) and by a 1 MB string (body fields: 1,048,576 characters, over
 *     every service's body limit, written on a socket since the service refuses it before reading;
 *     query and path values: 16K characters, over the platform's 8K URI limit, under Vert.x' own 64K, above which
 *     Vert.x answers a bare 414 the platform cannot reach): any 4xx problem+json. The probe needs a token the
 *     operation lets through its role check; the document does not list roles, so it tries {@link #roles()} in turn
 *     and judges the first answer that is not a 403 (a role refusal). Bulk operations that answer refused rows with
 *     a 2xx row report ({@link #rowReports()}) pass when the report names the field.</li>
 * <li><b>Outsiders see nothing.</b> Every operation with a path parameter that names an object of
 *     {@link #objects()} is called with each outsider token of the fixture (with the sample body): the answer is
 *     403 or 404 problem+json, it is the answer the same caller gets for a random id (so ids cannot be probed), and
 *     it holds none of the fixture's secrets.</li>
 * </ol>
 * <b>"Changes nothing"</b> is checked on the database after each operation's bad-text and outsider calls: no row of
 * any table of the service's schema was inserted or updated (a row's {@code xmin}, the writing transaction, at or
 * above the transaction id taken before the operation) or deleted (row count). Not looked at:
 * {@code flyway_schema_history}; {@code outbox_event} only for rows other than {@code access-recorded} audit events
 * (a refusal is audited in a transaction of its own, which is wanted); {@code inbox_event} and {@code dead_letter},
 * which the service's consumers write in the background whenever earlier tests' events arrive; and the tables the
 * service names in {@link #backgroundTables()}, each with the reason (projections its consumers maintain). The
 * mark is taken after the relay has sent what earlier tests left unsent, so its updates are not the probe's, and
 * after the consumers have gone idle (the inbox has not grown for 2 s), so tables that consumers and endpoints both
 * write are quiet.
 * The alternative, pausing the consumers, would need a hook into every service's channels; naming the consumers'
 * tables keeps every table a request can write under the check.
 * <p>
 * Every exception is explicit: {@link #allowed()} maps "check operation" (e.g. {@code "bad-text POST /api/v1/x"})
 * to the reason, and the probe prints what it covered and what it skipped. All findings of a check are collected
 * and reported together, so one run lists every operation that breaks a rule.
 */
public abstract class ApiProbe {

    protected static final String NUL = "pro\u0000be";
    protected static final String BEL = "pro\u0007be";
    protected static final String BIDI_OVERRIDE = "pro\u202Ebe";
    private static final int ONE_MB = 1024 * 1024;
    private static final int LONG_URI_VALUE = 16 * 1024;
    /** {@code -Dconsilium.probe.trace=true}: every probe request and its answer on stdout. */
    private static final boolean TRACE = Boolean.getBoolean("consilium.probe.trace");
    private static final Set<String> PLATFORM_BACKGROUND_TABLES = Set.of("inbox_event", "dead_letter");

    /** Operations without an account ("GET /api/v1/shared-reports/{token}"), skipped by the 401 check. */
    protected Set<String> publicOperations() {
        return Set.of();
    }

    /** The roles tried, in order, for the bad-text check. */
    protected List<String> roles() {
        return List.of("ops", "case-manager", "patient", "partner", "specialist");
    }

    /** A token with the role, of a caller who owns nothing (tenant {@code probe-tenant}). */
    protected String token(String role) {
        return switch (role) {
            case "patient" -> Tokens.patient("probe-patient", "probe-tenant");
            case "partner" -> Tokens.partner("probe-tenant");
            case "case-manager" -> Tokens.caseManager("probe-case-manager", "probe-tenant");
            default -> Tokens.token("probe-" + role, role, null);
        };
    }

    /**
     * Values for body properties (by name) that the schema alone does not make valid enough, and for declared header
     * parameters (by header name), which are sent only when named here.
     */
    protected Map<String, Object> sampleValues() {
        return Map.of();
    }

    /** Tables the service's consumers write in the background, with the reason; not checked for changes. */
    protected Map<String, String> backgroundTables() {
        return Map.of();
    }

    /**
     * Bulk operations ("POST /api/v1/specialists/import") that answer rows they refuse with a 2xx report of the
     * rejected rows rather than refusing the whole request: for them a 2xx passes the bad-text check only when its
     * report names the field (row-relative: {@code subject} for {@code [0].subject}); the database must not change
     * either way.
     */
    protected Set<String> rowReports() {
        return Set.of();
    }

    /** Exceptions: "no-token|bad-text|outsider METHOD /path" to the reason. Each one is printed. */
    protected Map<String, String> allowed() {
        return Map.of();
    }

    /**
     * Where the service's own document is served; the gateway serves the combined document of every service at
     * {@code /q/openapi} and its own at {@code /q/gateway-openapi}.
     */
    protected String openApiPath() {
        return "/q/openapi";
    }

    /** The fixture of the outsider check: real objects, outsiders, secrets. Called once, inside the test. */
    protected ProbeObjects objects() {
        return ProbeObjects.create();
    }

    // ------------------------------------------------------------------------------------------------------------

    private List<Operation> operations() {
        String document = given().queryParam("format", "json").when().get(openApiPath())
                .then().statusCode(200).extract().asString();
        return OpenApiOperations.of(document, sampleValues()).stream()
                .filter(op -> op.path().startsWith("/api/")).toList();
    }

    private boolean allowed(String check, Operation op, List<String> skipped) {
        String reason = allowed().get(check + " " + op.key());
        if (reason != null) {
            skipped.add(check + " " + op.key() + ": " + reason);
            return true;
        }
        return false;
    }

    private static void report(String check, int operations, int requests, List<String> skipped) {
        System.out.printf("ApiProbe %s: %d operation(s), %d request(s)%n", check, operations, requests);
        skipped.forEach(s -> System.out.println("ApiProbe   skipped " + s));
    }

    private static void assertNoFindings(String check, List<String> findings) {
        assertThat(findings).as("ApiProbe " + check + ": %d finding(s):%n  %s", findings.size(),
                String.join("\n  ", findings)).isEmpty();
    }

    // --- 1. no token ---------------------------------------------------------------------------------------------

    @Test
    void everyOperationWithoutATokenIsUnauthenticated() {
        List<String> findings = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int probed = 0;
        for (Operation op : operations()) {
            if (publicOperations().contains(op.key())) {
                skipped.add("no-token " + op.key() + ": declared public");
                continue;
            }
            if (allowed("no-token", op, skipped)) {
                continue;
            }
            Answer answer = request(op, null, pathValues(op, Map.of()), Map.of(), sampleBody(op));
            probed++;
            if (answer.status() != 401 || !isProblem(answer)) {
                findings.add(op.key() + " without a token answered " + describe(answer) + ", not 401 problem+json");
            }
        }
        report("no-token", probed, probed, skipped);
        assertNoFindings("no-token", findings);
    }

    // --- 2. bad text ---------------------------------------------------------------------------------------------

    @Test
    void badTextIsRefusedEverywhereAndChangesNothing() {
        List<String> findings = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        DatabaseChanges db = database();
        int operations = 0;
        int requests = 0;
        for (Operation op : operations()) {
            if (allowed("bad-text", op, skipped)) {
                continue;
            }
            List<Probe> probes = badTextProbes(op);
            if (probes.isEmpty()) {
                continue;
            }
            operations++;
            db.mark();
            String role = null;
            for (Probe probe : probes) {
                RoleAnswer answered = withSomeRole(op, role, probe);
                requests += answered.requests();
                role = answered.role() == null ? role : answered.role();
                Optional<String> finding = rowReports().contains(op.key()) && probe.field() != null
                        && answered.answer().status() / 100 == 2
                        ? rowReportNaming(answered.answer(), probe.field())
                        : probe.judge(answered.answer());
                if (TRACE) {
                    System.out.println("ApiProbe   " + op.key() + " " + probe.what() + " as " + answered.role() + ": "
                            + answered.answer().status() + " " + answered.answer().violationFields()
                            + finding.map(f -> " FINDING " + f).orElse(""));
                }
                finding.ifPresent(f -> findings.add(op.key() + " " + probe.what() + ": " + f));
            }
            String lastRole = role;
            for (String change : changesMadeBy(db, () -> probes.forEach(p -> withSomeRole(op, lastRole, p)))) {
                findings.add(op.key() + " changed the database on refused text: " + change);
            }
        }
        skipped.addAll(skippedBodies);
        report("bad-text", operations, requests, skipped);
        assertNoFindings("bad-text", findings);
    }

    /**
     * The changes since the mark that the operation itself made. A change is checked once more: after the service's
     * consumers are quiet again, the operation's requests are sent a second time, and only what changes again is
     * blamed on it. Consumers catching up on events other test classes left on the broker (their group joins late
     * on a loaded machine) otherwise write in the operation's window. Marks the database again for the next one.
     */
    private static List<String> changesMadeBy(DatabaseChanges db, Runnable sendAgain) {
        if (db.since().isEmpty()) {
            return List.of();
        }
        db.awaitQuietConsumers();
        db.mark();
        sendAgain.run();
        List<String> again = db.since();
        db.mark();
        return again;
    }

    private DatabaseChanges database() {
        Set<String> excluded = new LinkedHashSet<>(PLATFORM_BACKGROUND_TABLES);
        excluded.addAll(backgroundTables().keySet());
        backgroundTables().forEach((table, why) -> System.out.println("ApiProbe   not checked for changes: " + table + " (" + why + ")"));
        return new DatabaseChanges(excluded).awaitQuietConsumers();
    }

    /** One bad request and how its answer is judged. */
    private record Probe(String what, String field, Function<String, Answer> send,
                         Function<Answer, Optional<String>> judge) {
        Probe(String what, Function<String, Answer> send, Function<Answer, Optional<String>> judge) {
            this(what, null, send, judge);
        }

        Optional<String> judge(Answer answer) {
            return judge.apply(answer);
        }
    }

    private record RoleAnswer(String role, Answer answer, int requests) {
    }

    /** The answer with the first role (the last one that worked first) that passes the role check. */
    private RoleAnswer withSomeRole(Operation op, String preferred, Probe probe) {
        List<String> order = new ArrayList<>();
        if (preferred != null) {
            order.add(preferred);
        }
        roles().stream().filter(r -> !r.equals(preferred)).forEach(order::add);
        Answer last = null;
        int requests = 0;
        for (String role : order) {
            last = probe.send().apply(token(role));
            requests++;
            if (last.status() != 403) {
                return new RoleAnswer(role, last, requests);
            }
        }
        return new RoleAnswer(null, last, requests);
    }

    private final List<String> skippedBodies = new ArrayList<>();

    private List<Probe> badTextProbes(Operation op) {
        List<Probe> probes = new ArrayList<>();
        Map<String, String> path = pathValues(op, Map.of());
        JsonNode body = sampleBody(op);
        Map<String, String> bad = Map.of("NUL", NUL, "BEL", BEL, "U+202E", BIDI_OVERRIDE);
        for (Param param : op.pathParams()) {
            if (param.isUuid() || !"string".equals(OpenApiOperations.type(param.schema()))) {
                continue;
            }
            Map<String, String> nul = new LinkedHashMap<>(path);
            nul.put(param.name(), NUL);
            probes.add(new Probe("path " + param.name() + " with NUL", token -> request(op, token, nul, Map.of(), body),
                    answer -> refusedNaming(answer, param.name())));
            Map<String, String> longer = new LinkedHashMap<>(path);
            longer.put(param.name(), "x".repeat(LONG_URI_VALUE));
            probes.add(new Probe("path " + param.name() + " of 16K", token -> request(op, token, longer, Map.of(), body),
                    ApiProbe::anyRefusal));
        }
        for (Param param : op.queryParams()) {
            for (Map.Entry<String, String> variant : new java.util.TreeMap<>(bad).entrySet()) {
                probes.add(new Probe("query " + param.name() + " with " + variant.getKey(),
                        token -> request(op, token, path, Map.of(param.name(), variant.getValue()), body),
                        answer -> refusedNaming(answer, param.name())));
            }
            int maxLength = param.schema().path("maxLength").asInt(-1);
            if (maxLength > 0 && maxLength < 4096) {
                probes.add(new Probe("query " + param.name() + " over its maxLength " + maxLength,
                        token -> request(op, token, path, Map.of(param.name(), "x".repeat(maxLength + 1)), body),
                        ApiProbe::anyRefusal));
            }
            probes.add(new Probe("query " + param.name() + " of 16K",
                    token -> request(op, token, path, Map.of(param.name(), "x".repeat(LONG_URI_VALUE)), body),
                    ApiProbe::anyRefusal));
        }
        if (op.body() != null && !op.body().json()) {
            skippedBodies.add("bad-text " + op.key() + ": body " + op.body().mediaType()
                    + " is not a JSON schema the probe can fill (its strings are the endpoint's own test's)");
        }
        if (op.body() != null && op.body().json()) {
            Body declared = op.body();
            for (StringField field : declared.strings()) {
                for (Map.Entry<String, String> variant : new java.util.TreeMap<>(bad).entrySet()) {
                    JsonNode changed = declared.with(field, variant.getValue());
                    probes.add(new Probe("body " + field.name() + " with " + variant.getKey(), field.name(),
                            token -> request(op, token, path, Map.of(), changed),
                            answer -> field.plainText() ? refusedNaming(answer, field.name()) : refused(answer)));
                }
                if (field.maxLength() > 0 && field.maxLength() < ONE_MB / 2) {
                    JsonNode over = declared.with(field, "x".repeat(field.maxLength() + 1));
                    probes.add(new Probe("body " + field.name() + " over its maxLength " + field.maxLength(),
                            field.name(), token -> request(op, token, path, Map.of(), over), ApiProbe::anyRefusal));
                }
                JsonNode huge = declared.with(field, "x".repeat(ONE_MB));
                probes.add(new Probe("body " + field.name() + " of 1 MB", field.name(),
                        token -> rawRequest(op, token, path, huge), ApiProbe::anyRefusal));
            }
        }
        return probes;
    }

    /** A 2xx row report that names the field among the rejected rows' violations. */
    private static Optional<String> rowReportNaming(Answer answer, String field) {
        String relative = field.replaceFirst("^\\[\\d+]\\.?", "");
        if (answer.body().contains("\"field\":\"" + relative + "\"")) {
            return Optional.empty();
        }
        return Optional.of("answered " + describe(answer) + ", a row report not naming " + relative);
    }

    /** 400 problem+json whose violations name the field. */
    private static Optional<String> refusedNaming(Answer answer, String field) {
        Optional<String> refused = refused(answer);
        if (refused.isPresent()) {
            return refused;
        }
        if (answer.status() != 400) {
            return Optional.of("answered " + describe(answer) + ", not 400 naming " + field);
        }
        List<String> named = answer.violationFields();
        if (!named.contains(field)) {
            return Optional.of("answered 400 naming " + named + ", not " + field + " (give the probe a sample value"
                    + " that gets the request that far: sampleValues())");
        }
        return Optional.empty();
    }

    /** For strings with an enum or a format, which their type's parser may refuse first: any 4xx problem+json. */
    private static Optional<String> refused(Answer answer) {
        return anyRefusal(answer);
    }

    private static Optional<String> anyRefusal(Answer answer) {
        int status = answer.status();
        if (status < 400 || status >= 500 || !isProblem(answer)) {
            return Optional.of("answered " + describe(answer) + ", not a 4xx problem+json");
        }
        return Optional.empty();
    }

    // --- 3. outsiders --------------------------------------------------------------------------------------------

    @Test
    void outsidersGetNothingOfAnObject() {
        ProbeObjects objects = objects();
        List<String> findings = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        DatabaseChanges db = database();
        int operations = 0;
        int requests = 0;
        for (Operation op : operations()) {
            if (op.pathParams().isEmpty() || publicOperations().contains(op.key())) {
                continue;
            }
            Map<String, String> real = new LinkedHashMap<>();
            boolean unaccounted = false;
            for (Param param : op.pathParams()) {
                Optional<String> id = objects.idFor(op.path(), param.name());
                if (id.isPresent()) {
                    real.put(param.name(), id.get());
                } else if (objects.whyNotAnObject(op.path(), param.name()).isEmpty()) {
                    findings.add(op.key() + ": the fixture neither names an object for {" + param.name()
                            + "} (id(\"" + ProbeObjects.qualified(op.path(), param.name()) + "\", ...)) nor says why"
                            + " it is none (notAnObject(...))");
                    unaccounted = true;
                }
            }
            if (unaccounted || real.isEmpty() || allowed("outsider", op, skipped)) {
                continue;
            }
            if (objects.outsiders().isEmpty()) {
                findings.add(op.key() + ": the fixture has no outsider tokens");
                continue;
            }
            operations++;
            db.mark();
            Map<String, String> path = pathValues(op, real);
            Map<String, String> random = pathValues(op, Map.of());
            JsonNode body = sampleBody(op);
            for (Map.Entry<String, String> outsider : objects.outsiders().entrySet()) {
                Answer answer = request(op, outsider.getValue(), path, Map.of(), body);
                Answer unknown = request(op, outsider.getValue(), random, Map.of(), body);
                requests += 2;
                String who = op.key() + " as an outsider (" + outsider.getKey() + ")";
                if ((answer.status() != 403 && answer.status() != 404) || !isProblem(answer)) {
                    findings.add(who + " answered " + describe(answer) + ", not 403/404 problem+json");
                } else if (answer.status() != unknown.status()) {
                    findings.add(who + " answered " + answer.status() + " for the real object but "
                            + unknown.status() + " for an unknown id: ids can be probed");
                }
                String text = answer.body();
                for (String secret : objects.secrets()) {
                    if (text.contains(secret)) {
                        findings.add(who + " answered with a value of the object: " + secret);
                    }
                }
            }
            Runnable sendAgain = () -> objects.outsiders().values().forEach(token -> {
                request(op, token, path, Map.of(), body);
                request(op, token, random, Map.of(), body);
            });
            for (String change : changesMadeBy(db, sendAgain)) {
                findings.add(op.key() + " changed the database for an outsider: " + change);
            }
        }
        report("outsider", operations, requests, skipped);
        assertNoFindings("outsider", findings);
    }

    // --- requests ------------------------------------------------------------------------------------------------

    private static Map<String, String> pathValues(Operation op, Map<String, String> known) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Param param : op.pathParams()) {
            values.put(param.name(), known.getOrDefault(param.name(),
                    param.isUuid() || !"string".equals(OpenApiOperations.type(param.schema()))
                            ? UUID.randomUUID().toString() : "probe"));
        }
        return values;
    }

    private static JsonNode sampleBody(Operation op) {
        return op.body() != null && op.body().json() ? op.body().sample() : null;
    }

    /** The declared header parameters {@link #sampleValues()} gives a value for (e.g. tus' Upload-Length). */
    private Map<String, String> sampleHeaders(Operation op) {
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, Object> samples = sampleValues();
        for (Param header : op.headerParams()) {
            if (samples.containsKey(header.name())) {
                headers.put(header.name(), String.valueOf(samples.get(header.name())));
            }
        }
        return headers;
    }

    private Answer request(Operation op, String token, Map<String, String> path, Map<String, String> query,
                           JsonNode body) {
        RequestSpecification request = given().redirects().follow(false).headers(sampleHeaders(op));
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        request = request.pathParams(path);
        for (Map.Entry<String, String> q : query.entrySet()) {
            request = request.queryParam(q.getKey(), q.getValue());
        }
        if (op.body() != null) {
            request = request.contentType(op.body().mediaType());
            request = body != null ? request.body(body.toString().getBytes(StandardCharsets.UTF_8))
                    : request.body("probe".getBytes(StandardCharsets.UTF_8));
        }
        return Answer.of(request.when().request(op.method(), op.path()));
    }

    /** Large bodies are written on a socket: the service may answer 413 and close before reading them. */
    private Answer rawRequest(Operation op, String token, Map<String, String> path, JsonNode body) {
        String target = op.path();
        for (Map.Entry<String, String> p : path.entrySet()) {
            target = target.replace("{" + p.getKey() + "}", java.net.URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
        }
        return ProbeHttp.send(RestAssured.port, op.method(), target, token, sampleHeaders(op), op.body().mediaType(),
                body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isProblem(Answer answer) {
        return answer.problem();
    }

    private static String describe(Answer answer) {
        return answer.toString();
    }
}
