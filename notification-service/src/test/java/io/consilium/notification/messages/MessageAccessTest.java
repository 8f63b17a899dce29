package io.consilium.notification.messages;

import io.consilium.notification.support.Backlog;
import io.consilium.notification.support.Events;
import io.consilium.notification.support.MailAndDirectory;
import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

/**
 * Who reads which message: each person their own, in full; ops everyone's, subjects and outcomes only; partners
 * none. Real mail through GreenMail, events on the real broker.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailAndDirectory.class)
class MessageAccessTest {

    static final String BODY_ES = "Su médico personal";

    @BeforeEach
    void afterTheBacklog() {
        Backlog.worked();
    }

    static JsonPath get(String token, String path, Object... params) {
        return given().auth().oauth2(token).when().get(path, params).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void personsReadTheirOwnBodiesOpsOnlySubjectsAndPartnersNothing() {
        String tenant = "t-" + UUID.randomUUID();
        String caseId = UUID.randomUUID().toString();
        String patient = "p-" + UUID.randomUUID();
        String doctor = "dr-" + UUID.randomUUID();
        MailAndDirectory.user(patient, patient + "@patients.example", null);
        MailAndDirectory.user(doctor, doctor + "@clinic.example", "en");
        String patientToken = Tokens.patient(patient, tenant);
        String doctorToken = Tokens.caseManager(doctor, tenant);
        String ops = Tokens.ops("ops-support");
        String ref = caseId.substring(0, 8).toUpperCase();
        try (KafkaCompanion kafka = Broker.companion()) {
            Events.submitted(kafka, caseId, tenant, patient); // es
            Events.publish(kafka, Events.CASE_TOPIC, "consilium.case.manager-assigned.v1", caseId, tenant,
                    "\"managerId\":\"" + doctor + "\"");
            Events.publish(kafka, Events.CASE_TOPIC, "consilium.case.records-requested.v1", caseId, tenant, "");
            Events.publish(kafka, Events.REPORT_TOPIC, "consilium.report.submitted.v1", caseId, tenant,
                    "\"reportId\":\"%s\",\"version\":1".formatted(UUID.randomUUID()));
            await().atMost(Duration.ofSeconds(30)).until(() -> MailAndDirectory.mailTo(patient).size() == 1
                    && MailAndDirectory.mailTo(doctor).size() == 1);
        }

        // the patient: their own e-mail and push, with subject and body, in the case's language
        JsonPath mine = get(patientToken, "/api/v1/me/messages");
        assertThat(mine.getInt("total")).isEqualTo(2);
        assertThat(mine.getList("items.channel", String.class)).containsExactlyInAnyOrder("EMAIL", "PUSH");
        assertThat(mine.getList("items.subject", String.class)).allSatisfy(s -> assertThat(s)
                .isEqualTo("Su segunda opinión " + ref + ": se solicitan informes"));
        assertThat(mine.getList("items.body", String.class)).allSatisfy(b -> assertThat(b).contains(BODY_ES));
        String patientMail = mine.getString("items.find { it.channel == 'EMAIL' }.id");
        given().auth().oauth2(patientToken).when().get("/api/v1/me/messages/{id}", patientMail).then().statusCode(200)
                .body("body", org.hamcrest.Matchers.containsString(BODY_ES));

        // the doctor: only their own
        JsonPath doctors = get(doctorToken, "/api/v1/me/messages");
        assertThat(doctors.getInt("total")).isEqualTo(1);
        assertThat(doctors.getString("items[0].subject")).isEqualTo("Case " + ref + ": a specialist report was submitted");
        String doctorMail = doctors.getString("items[0].id");
        given().auth().oauth2(patientToken).when().get("/api/v1/me/messages/{id}", doctorMail).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(doctorToken).when().get("/api/v1/me/messages/{id}", patientMail).then().statusCode(404);
        // another patient, and the same subject in another tenant: nothing
        String other = Tokens.patient("p-" + UUID.randomUUID(), tenant);
        assertThat(get(other, "/api/v1/me/messages").getInt("total")).isZero();
        given().auth().oauth2(other).when().get("/api/v1/me/messages/{id}", patientMail).then().statusCode(404);
        String elsewhere = Tokens.patient(patient, "t-other-" + UUID.randomUUID());
        assertThat(get(elsewhere, "/api/v1/me/messages").getInt("total")).isZero();
        given().auth().oauth2(elsewhere).when().get("/api/v1/me/messages/{id}", patientMail).then().statusCode(404);

        // ops: every person's messages of the case, subjects and outcomes, never a body
        String all = given().auth().oauth2(ops).queryParam("caseId", caseId).when().get("/api/v1/ops/messages")
                .then().statusCode(200).body("total", equalTo(5))
                .body("items.recipient", hasItem(patient)).body("items.recipient", hasItem(doctor))
                .body("items.subject", hasItem("Your second opinion " + ref + ": records requested"))
                .body("items.status", hasItem("DELIVERED")).body("items.status", hasItem("SKIPPED"))
                .extract().asString();
        assertThat(all).doesNotContain(BODY_ES, "Your personal doctor", "\"body\"", "\"text\"", "\"html\"", "shortText");
        List<Map<String, Object>> items = JsonPath.from(all).getList("items");
        assertThat(items).allSatisfy(i -> assertThat(i).doesNotContainKeys("body", "text", "html", "shortText"));
        String one = given().auth().oauth2(ops).when().get("/api/v1/ops/messages/{id}", patientMail)
                .then().statusCode(200).body("subject", equalTo("Your second opinion " + ref + ": records requested"))
                .body("recipient", equalTo(patient)).body("channel", equalTo("EMAIL")).extract().asString();
        assertThat(one).doesNotContain(BODY_ES, "\"body\"");
        given().auth().oauth2(ops).queryParam("caseId", caseId).queryParam("channel", "EMAIL")
                .queryParam("recipient", doctor).when().get("/api/v1/ops/messages")
                .then().statusCode(200).body("total", equalTo(1)).body("items.channel", everyItem(equalTo("EMAIL")));
        given().auth().oauth2(ops).queryParam("channel", "WEBHOOK").when().get("/api/v1/ops/messages")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("channel"));
        given().auth().oauth2(ops).queryParam("caseId", "not-a-uuid").when().get("/api/v1/ops/messages")
                .then().statusCode(400).body("violations[0].field", equalTo("caseId"));
        // ops are not persons here, partners and specialists are not ops
        given().auth().oauth2(ops).when().get("/api/v1/me/messages").then().statusCode(403);
        given().auth().oauth2(Tokens.partner(tenant)).when().get("/api/v1/ops/messages").then().statusCode(403);
        given().auth().oauth2(Tokens.partner(tenant)).when().get("/api/v1/me/messages").then().statusCode(403);
        given().auth().oauth2(Tokens.specialist("prof-x")).when().get("/api/v1/ops/messages/{id}", patientMail)
                .then().statusCode(403);
    }
}
