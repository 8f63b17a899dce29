package io.consilium.cases.support;

import io.consilium.platform.testing.Tokens;
import io.restassured.http.ContentType;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Sets up what eligibility needs: a plan for a tenant (as ops) and members in its roster (as its partner). */
public final class Coverage {

    public static final String PLAN = "Standard";

    private Coverage() {
    }

    /** A plan covering urology and oncology, 3 opinions a year, panels up to 3, any country. */
    public static String plan(String tenant) {
        return plan(tenant, Map.of());
    }

    public static String plan(String tenant, Map<String, Object> overrides) {
        Map<String, Object> body = new java.util.HashMap<>(planBody(tenant));
        body.putAll(overrides);
        return given().auth().oauth2(Tokens.ops("ops-setup")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/plans")
                .then().statusCode(201).extract().path("id");
    }

    /** Replaces a plan (as ops), e.g. to make eligibility lapse between a case's opening and its submission. */
    public static void updatePlan(String planId, Map<String, Object> body) {
        given().auth().oauth2(Tokens.ops("ops-setup")).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/plans/{id}", planId)
                .then().statusCode(200);
    }

    /** The body of {@link #plan(String)}. */
    public static Map<String, Object> planBody(String tenant) {
        return Map.of(
                "tenant", tenant,
                "name", PLAN,
                "coveredSpecialties", List.of("urology", "oncology"),
                "opinionsPerMemberPerYear", 3,
                "allowedSpecialistCountries", List.of(),
                "recordsSlaBusinessDays", 5,
                "reviewSlaBusinessDays", 10,
                "maxPanelSize", 3,
                "active", true);
    }

    /** Members covered by {@link #PLAN} from 2020 on. */
    public static void members(String tenant, String... memberIds) {
        StringBuilder csv = new StringBuilder("memberId,plan,validFrom,validTo\n");
        for (String id : memberIds) {
            csv.append(id).append(',').append(PLAN).append(",2020-01-01,\n");
        }
        given().auth().oauth2(Tokens.partner(tenant)).contentType("text/csv").body(csv.toString())
                .when().post("/api/v1/roster")
                .then().statusCode(200);
    }

    /** A plan and the given members. */
    public static void covered(String tenant, String... memberIds) {
        plan(tenant);
        members(tenant, memberIds);
    }

    /** A personal doctor of the tenant who speaks the given languages. */
    public static void manager(String subject, String tenant, int capacity, String... languages) {
        given().auth().oauth2(Tokens.ops("ops-setup")).contentType(ContentType.JSON)
                .body(Map.of("tenant", tenant, "name", "Dr. " + subject, "languages", List.of(languages),
                        "capacity", capacity, "active", true))
                .when().put("/api/v1/case-managers/{subject}", subject)
                .then().statusCode(201);
    }
}
