package io.consilium.notification.mail;

import io.consilium.notification.service.EmailDispatcher;
import io.consilium.notification.support.Backlog;
import io.consilium.notification.support.Db;
import io.consilium.notification.support.Events;
import io.consilium.notification.support.MailAndDirectory;
import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * E-mail end to end: events on the real broker, the address from the Keycloak stand-in's admin API (with the
 * service account's token), the message over real SMTP into GreenMail, in the recipient's language.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailAndDirectory.class)
class EmailDeliveryTest {

    @BeforeEach
    void afterTheBacklog() {
        Backlog.worked();
    }

    @Inject
    Db db;
    @Inject
    EmailDispatcher dispatcher;

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static List<String> parts(MimeMessage m) throws Exception {
        List<String> types = new ArrayList<>();
        Object content = m.getContent();
        if (content instanceof Multipart mp) {
            collect(mp, types);
        } else {
            types.add(m.getContentType() + ":" + content);
        }
        return types;
    }

    private static void collect(Multipart mp, List<String> types) throws Exception {
        for (int i = 0; i < mp.getCount(); i++) {
            var part = mp.getBodyPart(i);
            if (part.getContent() instanceof Multipart inner) {
                collect(inner, types);
            } else {
                types.add(part.getContentType().toLowerCase() + ":" + part.getContent());
            }
        }
    }

    @Test
    void thePatientsMailArrivesInTheirLanguageWithTextAndHtmlAndOnlyOnce() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String caseId = UUID.randomUUID().toString();
        String patient = "p-" + UUID.randomUUID();
        String address = patient + "@patients.example";
        MailAndDirectory.user(patient, address, null);
        try (KafkaCompanion kafka = Broker.companion()) {
            Broker.publish(kafka, Events.CASE_TOPIC, "consilium.case.submitted.v1", caseId, tenant, """
                    {"caseId":"%s","tenant":"%s","memberId":"M-1","patientId":"%s","preferredLanguage":"es",
                     "diagnosisIcd10":"C61","requestedSpecialty":"urology"}""".formatted(caseId, tenant, patient));
            UUID requested = UUID.randomUUID();
            String json = "{\"caseId\":\"%s\",\"tenant\":\"%s\",\"items\":[{\"code\":\"LAB\",\"label\":\"PSA\",\"required\":true}]}"
                    .formatted(caseId, tenant);
            Broker.publish(kafka, Events.CASE_TOPIC, requested, "consilium.case.records-requested.v1", caseId, tenant, json);
            Broker.publish(kafka, Events.CASE_TOPIC, requested, "consilium.case.records-requested.v1", caseId, tenant, json);
            await().atMost(Duration.ofSeconds(30)).until(() -> MailAndDirectory.mailTo(address).size() == 1);
            MimeMessage mail = MailAndDirectory.mailTo(address).get(0);
            String ref = caseId.substring(0, 8).toUpperCase();
            assertThat(subject(mail)).isEqualTo("Su segunda opinión " + ref + ": se solicitan informes");
            assertThat(mail.getHeader("Content-Language")).containsExactly("es");
            assertThat(mail.getHeader(EmailDispatcher.DELIVERY_HEADER)).singleElement()
                    .satisfies(id -> assertThat(UUID.fromString(id)).isNotNull());
            List<String> parts = parts(mail);
            assertThat(parts).anySatisfy(p -> assertThat(p).startsWith("text/plain").contains("Su médico personal")
                    .contains("/cases/" + caseId));
            assertThat(parts).anySatisfy(p -> assertThat(p).startsWith("text/html").contains("<html lang=\"es\">"));
            // nothing of the case's clinical content or of the person
            assertThat(String.join("\n", parts)).doesNotContain("C61", "urology", "PSA", "M-1");

            // a later event behind the duplicate: the duplicate sent nothing, the address was looked up once (cache)
            Events.publish(kafka, Events.REPORT_TOPIC, "consilium.report.released.v1", caseId, tenant, "\"reports\":[]");
            await().atMost(Duration.ofSeconds(30)).until(() -> MailAndDirectory.mailTo(address).size() == 2);
            Thread.sleep(500);
            assertThat(MailAndDirectory.mailTo(address)).hasSize(2);
            assertThat(subject(MailAndDirectory.mailTo(address).get(1))).isEqualTo("Su segunda opinión " + ref + " está lista");
            assertThat(MailAndDirectory.lookups(patient)).isEqualTo(1);
            assertThat(db.count("select count(*) from delivery where event_id = ?1 and channel = 'EMAIL' and status = 'DELIVERED'",
                    requested)).isEqualTo(1);
        }
    }

    @Test
    void aLanguageWithoutTextsFallsBackToEnglishAndADoctorsComesFromTheAccount() {
        String tenant = "t-" + UUID.randomUUID();
        String caseId = UUID.randomUUID().toString();
        String patient = "p-" + UUID.randomUUID();
        String doctor = "dr-" + UUID.randomUUID();
        MailAndDirectory.user(patient, patient + "@patients.example", "de");
        MailAndDirectory.user(doctor, doctor + "@clinic.example", "fr");
        try (KafkaCompanion kafka = Broker.companion()) {
            Broker.publish(kafka, Events.CASE_TOPIC, "consilium.case.submitted.v1", caseId, tenant,
                    "{\"caseId\":\"%s\",\"tenant\":\"%s\",\"patientId\":\"%s\",\"preferredLanguage\":\"it\"}"
                            .formatted(caseId, tenant, patient));
            Events.publish(kafka, Events.CASE_TOPIC, "consilium.case.manager-assigned.v1", caseId, tenant,
                    "\"managerId\":\"" + doctor + "\"");
            Events.publish(kafka, "consilium.document.events", "consilium.document.rejected.v1", caseId, tenant,
                    "\"documentId\":\"%s\",\"reason\":\"TOO_LARGE\"".formatted(UUID.randomUUID()));
            Events.publish(kafka, Events.REPORT_TOPIC, "consilium.report.submitted.v1", caseId, tenant,
                    "\"reportId\":\"%s\",\"version\":1".formatted(UUID.randomUUID()));
            String ref = caseId.substring(0, 8).toUpperCase();
            await().atMost(Duration.ofSeconds(30)).until(() -> MailAndDirectory.mailTo(patient).size() == 1
                    && MailAndDirectory.mailTo(doctor).size() == 1);
            // the case's language (it) is not offered: English, not the account's de
            assertThat(subject(MailAndDirectory.mailTo(patient).get(0)))
                    .isEqualTo("Your second opinion " + ref + ": an upload was not accepted");
            assertThat(subject(MailAndDirectory.mailTo(doctor).get(0)))
                    .isEqualTo("Dossier " + ref + " : un rapport de spécialiste a été soumis");
        }
    }

    @Test
    void aDueFollowUpIsMailedToThePatientAndTheDoctorEachInTheirLanguage() {
        String tenant = "t-" + UUID.randomUUID();
        String caseId = UUID.randomUUID().toString();
        String patient = "p-" + UUID.randomUUID();
        String doctor = "dr-" + UUID.randomUUID();
        MailAndDirectory.user(patient, patient + "@patients.example", null);
        MailAndDirectory.user(doctor, doctor + "@clinic.example", "de");
        try (KafkaCompanion kafka = Broker.companion()) {
            Broker.publish(kafka, Events.CASE_TOPIC, "consilium.case.submitted.v1", caseId, tenant,
                    "{\"caseId\":\"%s\",\"tenant\":\"%s\",\"patientId\":\"%s\",\"preferredLanguage\":\"es\"}"
                            .formatted(caseId, tenant, patient));
            Events.publish(kafka, Events.CASE_TOPIC, "consilium.case.manager-assigned.v1", caseId, tenant,
                    "\"managerId\":\"" + doctor + "\"");
            Events.publish(kafka, Events.CASE_TOPIC, "consilium.case.follow-up-due.v1", caseId, tenant,
                    "\"followUpId\":\"%s\",\"dueAt\":\"2027-01-01T10:00:00Z\"".formatted(UUID.randomUUID()));
            String ref = caseId.substring(0, 8).toUpperCase();
            await().atMost(Duration.ofSeconds(30)).until(() -> MailAndDirectory.mailTo(patient).size() == 1
                    && MailAndDirectory.mailTo(doctor).size() == 1);
            assertThat(subject(MailAndDirectory.mailTo(patient).get(0))).isEqualTo("Caso " + ref + ": seguimiento pendiente");
            assertThat(subject(MailAndDirectory.mailTo(doctor).get(0))).isEqualTo("Fall " + ref + ": Nachsorgetermin fällig");
        }
    }

    @Test
    void anUrgentBreachGoesToOpsAndAPersonWithoutAnAddressIsADeadDelivery() {
        String tenant = "t-" + UUID.randomUUID();
        String caseId = UUID.randomUUID().toString();
        try (KafkaCompanion kafka = Broker.companion()) {
            Events.submitted(kafka, caseId, tenant, "p-unknown-" + UUID.randomUUID());
            UUID requested = Events.publish(kafka, Events.CASE_TOPIC, "consilium.case.records-requested.v1", caseId, tenant, "");
            UUID breached = Events.publish(kafka, Events.CASE_TOPIC, "consilium.case.sla-status-changed.v1", caseId, tenant,
                    "\"kind\":\"RECORDS\",\"status\":\"BREACHED\"");
            String ref = caseId.substring(0, 8).toUpperCase();
            await().atMost(Duration.ofSeconds(30)).until(() -> MailAndDirectory.mailTo("ops@consilium.local").stream()
                    .anyMatch(m -> subject(m).equals("Case " + ref + ": deadline breached")));
            await().atMost(Duration.ofSeconds(30)).until(() -> db.count("select count(*) from delivery where event_id = ?1"
                    + " and channel = 'EMAIL' and status = 'DEAD' and last_error = 'no e-mail address for the recipient'",
                    requested) == 1);
            assertThat(db.count("select count(*) from delivery where event_id = ?1 and urgent", breached)).isGreaterThan(0);
        }
    }

    @Test
    void whileKeycloakIsDownTheMailWaitsAndIsRetried() {
        String tenant = "t-" + UUID.randomUUID();
        String caseId = UUID.randomUUID().toString();
        String patient = "p-" + UUID.randomUUID();
        MailAndDirectory.user(patient, patient + "@patients.example", null);
        MailAndDirectory.down = true;
        try (KafkaCompanion kafka = Broker.companion()) {
            Events.submitted(kafka, caseId, tenant, patient);
            UUID requested = Events.publish(kafka, Events.CASE_TOPIC, "consilium.case.records-requested.v1", caseId, tenant, "");
            await().atMost(Duration.ofSeconds(30)).until(() -> db.count("select count(*) from delivery where event_id = ?1"
                    + " and channel = 'EMAIL' and status = 'RETRYING' and last_error like 'contact lookup failed%'", requested) == 1);
            MailAndDirectory.down = false;
            // its retry is due in about 5 s; the tests claim due e-mail themselves
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                dispatcher.pollNow();
                return MailAndDirectory.mailTo(patient).size() == 1;
            });
        } finally {
            MailAndDirectory.down = false;
        }
    }

    @Test
    void opsPreviewTemplatesInEachLanguageWithFallback() {
        String ops = Tokens.ops("ops-1");
        given().auth().oauth2(ops).queryParam("language", "de")
                .when().get("/api/v1/ops/templates/consilium.report.released.v1")
                .then().statusCode(200).body("language", equalTo("de"))
                .body("subject", equalTo("Ihre Zweitmeinung 7D9F4C2E liegt vor"))
                .body("html", containsString("<html lang=\"de\">")).body("shortText", containsString("liegt vor"));
        given().auth().oauth2(ops).queryParam("language", "fr")
                .when().get("/api/v1/ops/templates/consilium.specialist.invited.v1")
                .then().statusCode(200).body("subject", equalTo("Invitation à donner un second avis (7D9F4C2E)"));
        given().auth().oauth2(ops).queryParam("language", "es").queryParam("status", "AT_RISK")
                .when().get("/api/v1/ops/templates/consilium.case.sla-status-changed.v1")
                .then().statusCode(200).body("subject", equalTo("Caso 7D9F4C2E: plazo en riesgo"));
        given().auth().oauth2(ops).queryParam("language", "e1")
                .when().get("/api/v1/ops/templates/consilium.report.released.v1")
                .then().statusCode(400);
        given().auth().oauth2(ops).queryParam("language", "it")
                .when().get("/api/v1/ops/templates/consilium.report.released.v1")
                .then().statusCode(200).body("language", equalTo("en")).body("subject", equalTo("Your second opinion 7D9F4C2E is ready"));
        given().auth().oauth2(ops).when().get("/api/v1/ops/templates/consilium.case.consent-granted.v1")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.partner("acme")).when().get("/api/v1/ops/templates/consilium.report.released.v1")
                .then().statusCode(403);
    }
}
