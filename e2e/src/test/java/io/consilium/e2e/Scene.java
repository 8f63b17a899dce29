package io.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * What the stories need before a patient can ask (set up as ops and the partner would, through the gateway): acme's
 * "Stories" plan covering dermatology, allergy and ophthalmic oncology; Mr. Lee and AJ on acme's roster; dr-carla
 * as acme's personal doctor; and the specialist directory of the stories (the users of the local realm). Each step
 * takes "already there" as done, so the stories run again and again against one suite.
 */
public final class Scene {

    public static final Caller OPS = Caller.user("olivia");
    public static final Caller ACME = Caller.partner("partner-acme");
    public static final Caller GLOBEX = Caller.partner("partner-globex");

    /** The personal doctors of the local realm, by their subject (the case names its manager by subject). */
    private static final List<String> DOCTORS = List.of("dr-carla", "dr-david");

    private static boolean ready;

    private Scene() {
    }

    public static synchronized void ready() {
        if (ready) {
            return;
        }
        OPS.post("/api/v1/plans", """
                {"tenant":"acme","name":"Stories","coveredSpecialties":["dermatology","allergy-immunology","ophthalmic-oncology"],
                 "opinionsPerMemberPerYear":100,"allowedSpecialistCountries":["DE","ES","US"],"recordsSlaBusinessDays":5,
                 "reviewSlaBusinessDays":10,"maxPanelSize":3,
                 "deadlines":{"urgent":{"acceptWithinHours":24,"reportWithinHours":72},"routine":{"acceptWithinHours":48,"reportWithinHours":168}},
                 "active":true}""").expect(201, 409);
        String roster = "memberId,plan,validFrom,validTo\n" + memberOf("lee") + ",Stories,2026-01-01,\n"
                + memberOf("aj") + ",Stories,2026-01-01,\n";
        ACME.post("/api/v1/roster", "text/csv", roster.getBytes(java.nio.charset.StandardCharsets.UTF_8)).expect(200, 201, 202);
        OPS.put("/api/v1/case-managers/" + Caller.user("dr-carla").subject(), """
                {"tenant":"acme","name":"Dr. Carla Castro","languages":["es","en"],"capacity":500,"active":true}""")
                .expect(200, 201);
        specialist("dr-felix", "Dr. Felix Fischer", "dermatology", "[\"contact-dermatitis\"]", "[\"L20-L30\",\"L50\"]", "[\"en\",\"de\"]", "DE", "Charité Demo", 0, 4.0);
        specialist("dr-grace", "Dr. Grace Green", "allergy-immunology", "[\"chronic-urticaria\"]", "[\"L50\",\"T78\"]", "[\"en\"]", "US", "Mass General Demo", 0, 5.0);
        specialist("prof-henry", "Prof. Henry Hall", "ophthalmic-oncology", "[\"uveal-melanoma\"]", "[\"C69\"]", "[\"en\",\"es\"]", "US", "Wills Eye Demo", 2, 4.0);
        specialist("prof-iris", "Prof. Iris Ito", "ophthalmic-oncology", "[\"uveal-melanoma\"]", "[\"C69\"]", "[\"en\"]", "US", "Bascom Palmer Demo", 3, 4.5);
        specialist("dr-javier", "Dr. Javier Jara", "ophthalmic-oncology", "[\"uveal-melanoma\"]", "[\"C69\"]", "[\"es\",\"en\"]", "ES", "Hospital Clínic Demo", 1, 5.0);
        // slower and busier: ranked below the other US experts, so she is the next candidate of a seat
        specialist("prof-kate", "Prof. Kate King", "ophthalmic-oncology", "[\"ocular-oncology\"]", "[\"C69\"]", "[\"en\"]", "US", "MSK Demo", 20, 9.0);
        ready = true;
    }

    private static void specialist(String user, String name, String specialty, String subspecialties, String conditions,
                                   String languages, String country, String institution, int load, double turnaround) {
        OPS.post("/api/v1/specialists", """
                {"subject":"%s","name":"%s","specialty":"%s","subspecialties":%s,"conditions":%s,"languages":%s,
                 "licenceCountries":["%s"],"practiceCountry":"%s","institution":"%s","monthlyCapacity":1000,
                 "currentLoad":%d,"turnaroundDays":%s,"active":true}""".formatted(Caller.user(user).subject(), name,
                specialty, subspecialties, conditions, languages, country, country, institution, load, turnaround))
                .expect(201, 409);
    }

    /** The member id a patient's account carries (read-only in Keycloak; case-service takes it from the token). */
    public static String memberOf(String patient) {
        return Caller.user(patient).claim("memberId");
    }

    /** The personal doctor case-service assigned to the case, as a caller. */
    public static Caller doctorOf(JsonNode theCase) {
        String manager = theCase.path("managerId").asText();
        return DOCTORS.stream().map(Caller::user).filter(d -> d.subject().equals(manager)).findFirst()
                .orElseThrow(() -> new AssertionError("case managed by an unknown subject: " + theCase));
    }

    /** Waits until the case, as {@code reader} sees it, is in {@code state}, and returns it. */
    public static JsonNode awaitState(Caller reader, String caseId, String state) {
        return Eventually.value("case " + caseId + " in " + state, () -> {
            JsonNode c = reader.get("/api/v1/cases/" + caseId).json(200);
            return state.equals(c.path("state").asText()) ? c : null;
        });
    }

    /** The ETag of a resource, for If-Match. */
    public static String etag(Caller reader, String path) {
        return reader.get(path).expect(200).header("ETag").orElseThrow(() -> new AssertionError(path + " has no ETag"));
    }

    public static Map<String, Caller> experts(String... users) {
        Map<String, Caller> experts = new java.util.LinkedHashMap<>();
        for (String user : users) {
            experts.put(user, Caller.user(user));
        }
        return experts;
    }
}
