package io.consilium.cases.statistics;

import io.consilium.cases.support.CaseApi;
import io.consilium.cases.support.Coverage;
import io.consilium.cases.support.Intakes;
import io.consilium.platform.testing.Tokens;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.junit.QuarkusTest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The ops dashboard's case activity: cases per tenant by state now, opened (created_at) and closed (closed_at) per
 * UTC day, zero-filled; partners see their own tenant, ops one tenant or all; anyone else 403; bad days 400.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityStatisticsTest {

    private final String tenant = "t-" + UUID.randomUUID();
    private final String other = "t-" + UUID.randomUUID();
    private final String partner = Tokens.partner(tenant);
    private final String ops = Tokens.ops("olivia");
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    private boolean arranged;

    /**
     * In {@code tenant}: one case opened 3 days ago and closed yesterday, one draft opened today, one opened 20 days
     * ago (outside the default window, still counted by state). In {@code other}: one draft today.
     */
    @BeforeEach
    void casesOnKnownDays() {
        if (arranged) {
            return;
        }
        arranged = true;
        Coverage.plan(tenant);
        Coverage.members(tenant, "M-A1", "M-A2", "M-A3");
        Coverage.plan(other);
        Coverage.members(other, "M-B1");
        String closed = draft(tenant, "M-A1");
        draft(tenant, "M-A2");
        String old = draft(tenant, "M-A3");
        draft(other, "M-B1");
        // no API moves a case's dates: the arrangement puts them on the days the test counts
        sql("update smo_case set created_at = :created, closed_at = :closed, state = 'CLOSED' where id = :id",
                Map.of("created", noon(today.minusDays(3)), "closed", noon(today.minusDays(1)), "id", UUID.fromString(closed)));
        sql("update smo_case set created_at = :created, state = 'SUBMITTED' where id = :id",
                Map.of("created", noon(today.minusDays(20)), "id", UUID.fromString(old)));
    }

    @Test
    void aPartnerSeesItsTenantByStateAndPerDayZeroFilled() {
        JsonPath body = given().auth().oauth2(partner)
                .when().get("/api/v1/statistics/activity")
                .then().statusCode(200)
                .body("tenant", equalTo(tenant))
                .body("from", equalTo(today.minusDays(13).toString()))
                .body("to", equalTo(today.toString()))
                .body("days.size()", equalTo(14))
                .extract().jsonPath();
        assertThat(body.getMap("casesByTenant")).containsOnlyKeys(tenant);
        assertThat(body.getMap("casesByTenant." + quoted(tenant)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("CLOSED", 1, "DRAFT", 1, "SUBMITTED", 1));
        List<Map<String, Object>> days = body.getList("days");
        assertThat(days.get(0)).isEqualTo(day(today.minusDays(13), 0, 0));
        assertThat(days.get(10)).isEqualTo(day(today.minusDays(3), 1, 0));
        assertThat(days.get(12)).isEqualTo(day(today.minusDays(1), 0, 1));
        assertThat(days.get(13)).isEqualTo(day(today, 1, 0));
        assertThat(days.stream().mapToInt(d -> (Integer) d.get("opened")).sum()).isEqualTo(2);
        assertThat(days.stream().mapToInt(d -> (Integer) d.get("closed")).sum()).isEqualTo(1);

        // a longer window reaches the case opened 20 days ago
        List<Map<String, Object>> month = given().auth().oauth2(partner).queryParam("days", 30)
                .when().get("/api/v1/statistics/activity")
                .then().statusCode(200).body("days.size()", equalTo(30)).extract().jsonPath().getList("days");
        assertThat(month.get(9)).isEqualTo(day(today.minusDays(20), 1, 0));
        given().auth().oauth2(partner).queryParam("days", 1)
                .when().get("/api/v1/statistics/activity")
                .then().statusCode(200).body("days.size()", equalTo(1)).body("from", equalTo(today.toString()));
    }

    @Test
    void aPartnerNamingAnotherTenantIsRefusedAndSeesOnlyItsOwn() {
        given().auth().oauth2(partner).queryParam("tenant", other)
                .when().get("/api/v1/statistics/activity")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        given().auth().oauth2(partner).queryParam("tenant", tenant)
                .when().get("/api/v1/statistics/activity")
                .then().statusCode(200).body("tenant", equalTo(tenant))
                .body("casesByTenant.keySet()", equalTo(java.util.Set.of(tenant)));
        // a partner with no cases yet sees its tenant listed with nothing in it, never another's
        String newcomer = "t-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.partner(newcomer))
                .when().get("/api/v1/statistics/activity")
                .then().statusCode(200).body("tenant", equalTo(newcomer))
                .body("casesByTenant.keySet()", equalTo(java.util.Set.of(newcomer)))
                .body("casesByTenant." + quoted(newcomer) + ".size()", equalTo(0))
                .body("days.opened.sum()", equalTo(0));
    }

    @Test
    void opsSeesOneTenantOrAll() {
        given().auth().oauth2(ops).queryParam("tenant", other)
                .when().get("/api/v1/statistics/activity")
                .then().statusCode(200)
                .body("tenant", equalTo(other))
                .body("casesByTenant.keySet()", equalTo(java.util.Set.of(other)))
                .body("casesByTenant." + quoted(other) + ".DRAFT", equalTo(1))
                .body("days[13].opened", equalTo(1))
                .body("days.closed.sum()", equalTo(0));
        JsonPath all = given().auth().oauth2(ops)
                .when().get("/api/v1/statistics/activity")
                .then().statusCode(200).extract().jsonPath();
        assertThat(all.getString("tenant")).isNull();
        assertThat(all.getMap("casesByTenant")).containsKeys(tenant, other);
        assertThat(all.getMap("casesByTenant." + quoted(tenant))).containsEntry("CLOSED", 1);
        // every tenant's cases: at least this class's two opened today
        assertThat(all.getInt("days[13].opened")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void patientsAndCaseManagersAreRefusedAndBadDaysAre400() {
        given().auth().oauth2(Tokens.patient("p-" + UUID.randomUUID(), tenant))
                .when().get("/api/v1/statistics/activity")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.caseManager("dr-" + UUID.randomUUID(), tenant))
                .when().get("/api/v1/statistics/activity")
                .then().statusCode(403);
        given().when().get("/api/v1/statistics/activity").then().statusCode(401);
        for (String bad : List.of("0", "93", "-1", "two", "1.5")) {
            given().auth().oauth2(ops).queryParam("days", bad)
                    .when().get("/api/v1/statistics/activity")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400)).body("violations.field", hasItem("days"));
        }
        given().auth().oauth2(ops).queryParam("days", 92)
                .when().get("/api/v1/statistics/activity").then().statusCode(200).body("days.size()", equalTo(92));
    }

    private static Map<String, Object> day(LocalDate date, int opened, int closed) {
        return Map.of("date", date.toString(), "opened", opened, "closed", closed);
    }

    private static String draft(String tenant, String member) {
        return CaseApi.open(Tokens.patient("p-" + UUID.randomUUID(), tenant, member), Intakes.valid(member));
    }

    private static Instant noon(LocalDate day) {
        return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    private static String quoted(String key) {
        return "'" + key + "'";
    }

    private static void sql(String statement, Map<String, Object> parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            var q = Panache.getEntityManager().createNativeQuery(statement);
            parameters.forEach(q::setParameter);
            assertThat(q.executeUpdate()).isEqualTo(1);
        });
    }
}
