package io.consilium.specialist.bench;

import io.consilium.specialist.domain.Candidate;
import io.consilium.specialist.domain.ReviewRequest;
import io.consilium.specialist.domain.SpecialistRanking;
import io.consilium.specialist.service.CandidatePool;
import io.consilium.specialist.service.RankingQuery;
import io.consilium.platform.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;


/**
 * Matching latency over a 50,000-specialist directory (20 specialties of 2,500): p50/p99 of the ranking, in
 * process (database query + ranking) and over HTTP (POST /api/v1/rankings, token validation and JSON included).
 * Prints figures, asserts nothing about time. Run with {@code bench/specialist-matching.sh}.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@EnabledIfSystemProperty(named = "consilium.bench", matches = "true")
class MatchingBenchmark {

    static final int DIRECTORY = 50_000;
    static final int SPECIALTIES = 20;
    static final int WARMUP = 200;
    static final int REQUESTS = Integer.getInteger("consilium.bench.requests", 1000);
    static final String[] LANGUAGES = {"es", "de", "fr", "en"};
    static final String[] COUNTRIES = {"ES", "DE", "FR", "CH"};

    @Inject
    RankingQuery ranking;
    @Inject
    EntityManager em;
    @Inject
    CandidatePool pool;
    @TestHTTPResource
    URL base;
    int port;

    @Test
    void rankingLatencyOver50000Specialists() throws IOException {
        load();
        String token = Tokens.ops("bench");
        port = base.getPort();
        StringBuilder report = new StringBuilder();
        report.append(String.format("directory: %d specialists, %d specialties of %d; %d requests after %d warm-up%n",
                DIRECTORY, SPECIALTIES, DIRECTORY / SPECIALTIES, REQUESTS, WARMUP));
        Map<String, List<Candidate>> loaded = new HashMap<>();
        for (int i = 0; i < SPECIALTIES; i++) {
            String specialty = specialty(i);
            loaded.put(specialty, QuarkusTransaction.requiringNew().call(() -> pool.ofSpecialty(specialty)));
        }
        LocalDate today = LocalDate.now();
        report.append(line("ranking only (in memory)", time(i ->
                SpecialistRanking.rank(request(i), loaded.get(specialty(i)), today))));
        report.append(line("in-process, directory unchanged", time(i -> ranking.rank(request(i)))));
        // Every request after a change to its specialty: the candidates are read from the database again.
        report.append(line("in-process, specialty just changed", time(i -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("update specialist set updated_at = now() where id = "
                        + "(select id from specialist where specialty = ?1 limit 1)")
                        .setParameter(1, specialty(i)).executeUpdate()), i -> ranking.rank(request(i)))));
        // java.net.http rather than REST Assured: the client's own overhead should not count as matching latency.
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://localhost:" + port + "/api/v1/rankings");
        ObjectMapper json = new ObjectMapper();
        report.append(line("HTTP POST /api/v1/rankings", time(i -> {
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body(i)))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("Ranking answered " + answer.statusCode());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        })));
        report.append(String.format("load average while measuring: %s%n",
                Files.readString(Path.of("/proc/loadavg")).trim()));
        System.out.println("\n=== specialist matching benchmark ===\n" + report);
        Path out = Path.of("target", "bench", "specialist-matching.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        clean();
    }

    private static String line(String what, long[] nanos) {
        Arrays.sort(nanos);
        return String.format("%-36s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", what,
                nanos[nanos.length / 2] / 1e6, nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6,
                nanos[nanos.length - 1] / 1e6);
    }

    private static long[] time(IntConsumer call) {
        return time(i -> { }, call);
    }

    /** Times {@code call} only; {@code setup} runs untimed before each call. */
    private static long[] time(IntConsumer setup, IntConsumer call) {
        for (int i = 0; i < WARMUP; i++) {
            setup.accept(i);
            call.accept(i);
        }
        long[] nanos = new long[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            setup.accept(i);
            long start = System.nanoTime();
            call.accept(i);
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    private static ReviewRequest request(int i) {
        return new ReviewRequest(specialty(i), "sub-" + (i % 5), "C" + (10 + i % 90), LANGUAGES[i % 4],
                COUNTRIES[i % 4], "Institute " + (i % 500), 3, i % 3 == 0 ? Set.of("DE", "CH", "ES") : Set.of(), Set.of(), null);
    }

    private static Map<String, Object> body(int i) {
        ReviewRequest r = request(i);
        Map<String, Object> body = new HashMap<>();
        body.put("requestedSpecialty", r.specialty());
        body.put("subspecialty", r.subspecialty());
        body.put("diagnosisIcd10", r.diagnosisIcd10());
        body.put("preferredLanguage", r.preferredLanguage());
        body.put("countryOfResidence", r.countryOfResidence());
        body.put("treatingInstitution", r.treatingInstitution());
        body.put("panelSize", 3);
        body.put("allowedCountries", List.copyOf(r.allowedCountries()));
        return body;
    }

    private static String specialty(int i) {
        return String.format("bench-%02d", i % SPECIALTIES);
    }

    private void clean() {
        QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("delete from specialist where specialty like 'bench-%'").executeUpdate());
    }

    /** 50,000 varied rows in one statement: languages, countries, conditions, capacity, absences, turnaround. */
    private void load() {
        clean();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into specialist (id, subject, name, specialty, subspecialties, conditions, languages,
                    licence_countries, practice_country, institution, monthly_capacity, current_load, absences,
                    turnaround_days, active, created_at, updated_at, version)
                select gen_random_uuid(), 'bench-' || g, 'Bench Specialist ' || g,
                    'bench-' || lpad((g % 20)::text, 2, '0'),
                    array['sub-' || (g % 5), 'sub-' || ((g + 1) % 5)]::varchar[],
                    array['C' || (10 + g % 90), 'C' || (10 + (g * 7) % 80) || '-C' || (19 + (g * 7) % 80)]::varchar[],
                    (case g % 4 when 0 then array['es', 'en'] when 1 then array['de', 'en']
                                when 2 then array['fr'] else array['en'] end)::varchar[],
                    (case g % 3 when 0 then array['ES', 'DE'] when 1 then array['FR', 'CH'] else array['US'] end)::varchar[],
                    (array['DE', 'ES', 'FR', 'CH', 'US', 'GB'])[1 + g % 6],
                    'Institute ' || (g % 500),
                    5 + g % 10, g % 7,
                    (case when g % 50 = 0 then array['2000-01-01/2999-12-31'] else array[]::text[] end)::varchar[],
                    (g % 30) + 0.5, g % 97 <> 0, now(), now(), 0
                from generate_series(1, ?1) g""").setParameter(1, DIRECTORY).executeUpdate());
    }
}
