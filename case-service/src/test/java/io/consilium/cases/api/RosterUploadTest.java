package io.consilium.cases.api;

import io.consilium.cases.domain.RosterMember;
import io.consilium.cases.support.Coverage;
import io.consilium.platform.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** Rosters in bulk: 100k rows streamed, bad rows reported, broken files changing nothing, tenants kept apart. */
@QuarkusTest
class RosterUploadTest {

    private final String tenant = "t-" + UUID.randomUUID();

    @Test
    void hundredThousandRowsAreImported() {
        Coverage.plan(tenant);
        int rows = 100_000;
        given().auth().oauth2(Tokens.partner(tenant)).contentType("text/csv").body(csv(rows))
                .when().post("/api/v1/roster")
                .then().statusCode(200)
                .body("received", equalTo(rows))
                .body("accepted", equalTo(rows))
                .body("rejected", equalTo(0));
        long stored = QuarkusTransaction.requiringNew().call(() -> RosterMember.count("tenant", tenant));
        assertThat(stored).isEqualTo(rows);
        given().auth().oauth2(Tokens.partner(tenant)).when().get("/api/v1/roster/{m}", "M-99999")
                .then().statusCode(200).body("validFrom", equalTo("2026-01-01"));
    }

    @Test
    void invalidRowsAreReportedAndTheOthersImported() {
        Coverage.plan(tenant);
        String csv = """
                memberId,plan,validFrom,validTo
                M-1,Standard,2026-01-01,
                M 2,Standard,2026-01-01,
                M-3,Platinum,2026-01-01,
                M-4,Standard,2026-13-01,
                M-5,Standard,2026-06-01,2026-01-01
                M-6,Standard,2026-01-01,2026-12-31
                """;
        given().auth().oauth2(Tokens.partner(tenant)).contentType("text/csv").body(csv)
                .when().post("/api/v1/roster")
                .then().statusCode(200)
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(4))
                .body("errors.line", hasItems(3, 4, 5, 6))
                .body("errors[1].memberId", equalTo("M-3"))
                .body("errors[1].problems[0]", equalTo("plan must name one of the tenant's plans"));
    }

    @Test
    void aRowWithControlCharactersIsRejectedAndNotEchoed() {
        Coverage.plan(tenant);
        given().auth().oauth2(Tokens.partner(tenant)).contentType("text/csv")
                .body("memberId,plan,validFrom\nM-\u0000\u202E7,Standard,2026-01-01\nM-8,Standard,2026-01-01\n")
                .when().post("/api/v1/roster")
                .then().statusCode(200)
                .body("accepted", equalTo(1))
                .body("errors[0].line", equalTo(2))
                .body("errors[0].memberId", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void jsonRosterIsImportedAndAMalformedOneChangesNothing() {
        Coverage.plan(tenant);
        given().auth().oauth2(Tokens.partner(tenant)).contentType(ContentType.JSON)
                .body("[{\"memberId\":\"J-1\",\"plan\":\"Standard\",\"validFrom\":\"2026-01-01\"},"
                        + "{\"memberId\":\"J-2\",\"plan\":\"Standard\",\"validFrom\":\"2026-01-01\",\"validTo\":null}]")
                .when().post("/api/v1/roster")
                .then().statusCode(200).body("accepted", equalTo(2));
        given().auth().oauth2(Tokens.partner(tenant)).contentType(ContentType.JSON)
                .body("[{\"memberId\":\"J-3\",\"plan\":\"Standard\",\"validFrom\":\"2026-01-01\"}, {\"memberId\": ")
                .when().post("/api/v1/roster")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.partner(tenant)).when().get("/api/v1/roster/{m}", "J-3").then().statusCode(404);
        given().auth().oauth2(Tokens.partner(tenant)).contentType(ContentType.JSON).body("{\"memberId\":\"J-4\"}")
                .when().post("/api/v1/roster")
                .then().statusCode(400).body("violations[0].message", equalTo("must be an array"));
    }

    @Test
    void csvWithoutHeaderIsRefused() {
        given().auth().oauth2(Tokens.partner(tenant)).contentType("text/csv").body("M-1,Standard,2026-01-01\n")
                .when().post("/api/v1/roster")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("header"));
    }

    @Test
    void partnerCannotTouchAnotherTenantsRosterAndOpsMustNameTheTenant() {
        Coverage.covered(tenant, "M-1");
        String other = Tokens.partner("t-" + UUID.randomUUID());
        given().auth().oauth2(other).queryParam("tenant", tenant).contentType("text/csv").body("memberId,plan,validFrom\n")
                .when().post("/api/v1/roster").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(other).when().get("/api/v1/roster/{m}", "M-1").then().statusCode(404);
        given().auth().oauth2(Tokens.ops("olivia")).contentType("text/csv").body("memberId,plan,validFrom\n")
                .when().post("/api/v1/roster").then().statusCode(400).body("violations[0].field", equalTo("tenant"));
        given().auth().oauth2(Tokens.patient("p", tenant)).contentType("text/csv").body("memberId,plan,validFrom\n")
                .when().post("/api/v1/roster").then().statusCode(403);
    }

    /** A CSV generated as it is sent, so the test does not hold it either. */
    private static InputStream csv(int rows) {
        Enumeration<InputStream> parts = new Enumeration<>() {
            int next = -1;

            @Override
            public boolean hasMoreElements() {
                return next < rows;
            }

            @Override
            public InputStream nextElement() {
                String line = next < 0 ? "memberId,plan,validFrom,validTo\n"
                        : "M-" + next + "," + Coverage.PLAN + ",2026-01-01,\n";
                next++;
                return new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SequenceInputStream(parts);
    }
}
