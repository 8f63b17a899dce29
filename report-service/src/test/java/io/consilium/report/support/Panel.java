package io.consilium.report.support;

import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * A case of a fresh tenant as report-service learns it from the real broker (submitted, personal doctor assigned,
 * review requested, specialists accepted), with every party's token and the drafts' ids.
 */
public final class Panel {

    public static final String CASE_TOPIC = "consilium.case.events";
    public static final String SPECIALIST_TOPIC = "consilium.specialist.events";
    public static final List<String> QUESTIONS = List.of("DIAGNOSIS_CORRECT", "SURGERY_NECESSARY");

    public final String tenant = "t-" + UUID.randomUUID();
    public final String caseId = UUID.randomUUID().toString();
    public final String patientId = "p-" + UUID.randomUUID();
    public final String doctorId = "dr-" + UUID.randomUUID();
    public final String patient = Tokens.patient(patientId, tenant);
    public final String partner = Tokens.partner(tenant);
    public final String doctor = Tokens.caseManager(doctorId, tenant);
    public final List<String> specialistIds = new ArrayList<>();
    public final List<String> specialists = new ArrayList<>();
    /** Report id per specialist, in the order they accepted. */
    public final List<String> reportIds = new ArrayList<>();
    public final String language;

    private Panel(String language) {
        this.language = language;
    }

    public static Panel of(int size, KafkaCompanion kafka) {
        return of(size, "en", kafka);
    }

    /**
     * As case-service runs a review: the brief (with the two standard questions) just before the review request,
     * and the drafts opened only once it is in, so submissions find every question.
     */
    public static Panel of(int size, String language, KafkaCompanion kafka) {
        Panel p = opened(size, language, kafka, true);
        p.awaitBrief(p.briefAt);
        return p;
    }

    /** What the patient came with, as the next brief tells it. */
    public String briefDiagnosis = "Prostate cancer";
    public String briefIcd10 = "C61";
    public String briefTreatment = "Radical prostatectomy";

    /** The brief's questions: the standard ones as JSON, then the patient's own ones given as id and text. */
    public Instant publishBrief(KafkaCompanion kafka, Instant when, String... ownIdAndText) {
        Instant changedAt = when.truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // as stored, for awaitBrief
        List<String> questions = new ArrayList<>();
        QUESTIONS.forEach(code -> questions.add("{\"questionId\":\"%s\",\"kind\":\"STANDARD\",\"text\":null}".formatted(code)));
        for (int i = 0; i + 1 < ownIdAndText.length; i += 2) {
            questions.add(("{\"questionId\":\"%s\",\"kind\":\"OWN\",\"text\":\"%s\",\"language\":\"%s\","
                    + "\"translation\":null,\"translationLanguage\":null}").formatted(ownIdAndText[i], ownIdAndText[i + 1],
                    language));
        }
        Broker.publish(kafka, CASE_TOPIC, "consilium.case.brief-changed.v1", caseId, tenant, """
                {"caseId":"%s","tenant":"%s","requestedSpecialty":"urology","urgency":"ROUTINE","patientLanguage":"%s",
                 "reasons":["CONFIRM_DIAGNOSIS"],"questions":[%s],"diagnosisText":"%s","diagnosisIcd10":"%s",
                 "proposedTreatment":"%s","history":null,"treatingInstitution":null,"ageBand":null,
                 "sex":null,"changedAt":"%s"}""".formatted(caseId, tenant, language, String.join(",", questions),
                briefDiagnosis, briefIcd10, briefTreatment, changedAt));
        return changedAt;
    }

    /** Waits until report-service holds the brief of {@code changedAt} (or a newer one). */
    public void awaitBrief(Instant changedAt) {
        Db db = io.quarkus.arc.Arc.container().instance(Db.class).get();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> db.count(
                "select count(*) from case_file where case_id = cast(?1 as uuid) and brief_changed_at >= ?2",
                caseId, java.sql.Timestamp.from(changedAt)) == 1);
    }

    /** A review whose acceptances carry the report deadline {@code reportDueBy}. */
    public static Panel withDeadline(int size, KafkaCompanion kafka, Instant reportDueBy) {
        Panel p = new Panel("en");
        p.reportDueBy = reportDueBy;
        p.open(size, kafka, true);
        p.awaitBrief(p.briefAt);
        return p;
    }

    /** A review whose brief has not reached report-service (yet): submissions must wait for it. */
    public static Panel withoutBrief(int size, String language, KafkaCompanion kafka) {
        return opened(size, language, kafka, false);
    }

    /** When the brief Panel.of published was changed (null without one). */
    public Instant briefAt;

    private static Panel opened(int size, String language, KafkaCompanion kafka, boolean withBrief) {
        Panel p = new Panel(language);
        p.open(size, kafka, withBrief);
        return p;
    }

    private void open(int size, KafkaCompanion kafka, boolean withBrief) {
        Panel p = this;
        Broker.publish(kafka, CASE_TOPIC, "consilium.case.submitted.v1", p.caseId, p.tenant, """
                {"caseId":"%s","tenant":"%s","memberId":"M-1","patientId":"%s","requestedSpecialty":"urology",
                 "diagnosisIcd10":"C61","urgency":"ROUTINE","preferredLanguage":"%s","countryOfResidence":"ES",
                 "reasons":["CONFIRM_DIAGNOSIS"],"questions":["DIAGNOSIS_CORRECT","SURGERY_NECESSARY"],
                 "submittedAt":"%s","someFieldFromTheFuture":1}"""
                .formatted(p.caseId, p.tenant, p.patientId, language, Instant.now()));
        Broker.publish(kafka, CASE_TOPIC, "consilium.case.manager-assigned.v1", p.caseId, p.tenant, """
                {"caseId":"%s","tenant":"%s","managerId":"%s","previousManagerId":null,"assignedAt":"%s"}"""
                .formatted(p.caseId, p.tenant, p.doctorId, Instant.now()));
        if (withBrief) {
            p.briefAt = p.publishBrief(kafka, Instant.now());
        }
        Broker.publish(kafka, CASE_TOPIC, "consilium.case.review-requested.v1", p.caseId, p.tenant, """
                {"caseId":"%s","tenant":"%s","requestedSpecialty":"urology","panelSize":%d,"urgency":"ROUTINE"}"""
                .formatted(p.caseId, p.tenant, size));
        for (int i = 0; i < size; i++) {
            p.accept(kafka);
        }
        p.awaitDrafts(size);
    }

    /** The report deadline the next acceptances carry (specialist-service's {@code reportDueBy}); null: none. */
    public Instant reportDueBy;

    /** Who an expert is, as specialist-service's directory tells it on specialist.accepted (issue 13). */
    public record Expert(String name, String specialty, String institution, String country) {
    }

    /** The experts the next acceptances name, in order (none left: an acceptance without them, as older events). */
    private final List<Expert> experts = new ArrayList<>();

    /** A review of these experts, accepted in this order, after a brief with the two standard questions. */
    public static Panel withExperts(String language, KafkaCompanion kafka, Expert... experts) {
        Panel p = new Panel(language);
        p.experts.addAll(List.of(experts));
        p.open(experts.length, kafka, true);
        p.awaitBrief(p.briefAt);
        return p;
    }

    public UUID accept(KafkaCompanion kafka) {
        if (!experts.isEmpty()) {
            Expert e = experts.remove(0);
            String specialistId = UUID.randomUUID().toString();
            String subject = "sp-" + UUID.randomUUID();
            specialistIds.add(specialistId);
            specialists.add(Tokens.specialist(subject));
            subjects.add(subject);
            return Broker.publish(kafka, SPECIALIST_TOPIC, "consilium.specialist.accepted.v1", caseId, tenant, """
                    {"caseId":"%s","tenant":"%s","invitationId":"%s","specialistId":"%s","specialistSubject":"%s",
                     "specialistName":"%s","country":"%s","acceptedAt":"%s","seat":%d,"reportDueBy":null,
                     "specialty":"%s","institution":"%s"}"""
                    .formatted(caseId, tenant, UUID.randomUUID(), specialistId, subject, e.name(), e.country(),
                            Instant.now(), subjects.size(), e.specialty(), e.institution()));
        }
        String specialistId = UUID.randomUUID().toString();
        String subject = "sp-" + UUID.randomUUID();
        specialistIds.add(specialistId);
        specialists.add(Tokens.specialist(subject));
        subjects.add(subject);
        return Broker.publish(kafka, SPECIALIST_TOPIC, "consilium.specialist.accepted.v1", caseId, tenant, """
                {"caseId":"%s","tenant":"%s","invitationId":"%s","specialistId":"%s","specialistSubject":"%s",
                 "country":"DE","acceptedAt":"%s"%s}"""
                .formatted(caseId, tenant, UUID.randomUUID(), specialistId, subject, Instant.now(),
                        reportDueBy == null ? "" : ",\"reportDueBy\":\"" + reportDueBy + "\""));
    }

    public final List<String> subjects = new ArrayList<>();

    /** Waits until the case manager sees {@code n} drafts (and the case file names them as manager). */
    public void awaitDrafts(int n) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().auth().oauth2(doctor).get("/api/v1/cases/{id}/reports", caseId).then().extract()
                        .statusCode() == 200
                        && given().auth().oauth2(doctor).get("/api/v1/cases/{id}/reports", caseId).then().extract()
                        .jsonPath().getList("id").size() == n);
        reportIds.clear();
        for (String subject : subjects) {
            List<Map<String, Object>> reports = given().auth().oauth2(doctor).get("/api/v1/cases/{id}/reports", caseId)
                    .then().extract().jsonPath().getList("$");
            reports.stream().filter(r -> subject.equals(r.get("specialistSubject"))).findFirst()
                    .ifPresent(r -> reportIds.add((String) r.get("id")));
        }
    }

    /** A complete report body answering both questions. */
    public static Map<String, Object> content(String assessment, String surgery, String treatment) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("diagnosisAssessment", assessment);
        c.put("diagnosis", "Adenocarcinoma of the prostate, Gleason 3+4");
        c.put("diagnosisIcd10", "C61");
        c.put("recommendedTreatment", treatment);
        c.put("treatmentChanged", true);
        c.put("alternatives", List.of(Map.of("treatment", "Radical prostatectomy", "benefits", "Definitive",
                "risks", "Incontinence, erectile dysfunction")));
        c.put("waitAndSee", "Reasonable with PSA every six months");
        c.put("clinicalTrials", List.of("NCT01234567"));
        c.put("surgeryNecessary", surgery);
        c.put("surgeryRationale", "Low-risk disease progresses slowly");
        c.put("prognosis", "Excellent ten-year survival");
        c.put("whyDifferent", "The biopsy grading was reviewed");
        c.put("testsToAdd", List.of("Multiparametric MRI"));
        c.put("testsToStop", List.of("Bone scan"));
        c.put("medications", List.of("None"));
        c.put("answers", List.of(
                Map.of("questionCode", "DIAGNOSIS_CORRECT", "text", "Mostly correct, the grade is lower"),
                Map.of("questionCode", "SURGERY_NECESSARY", "text", "Surgery is not needed now")));
        return c;
    }

    public ValidatableResponse saveDraft(int i, Object body) {
        return given().auth().oauth2(specialists.get(i)).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/reports/{id}/draft", reportIds.get(i)).then();
    }

    public ValidatableResponse submit(int i) {
        return given().auth().oauth2(specialists.get(i)).when().post("/api/v1/reports/{id}/submit", reportIds.get(i))
                .then();
    }

    public ValidatableResponse approve(int i) {
        return given().auth().oauth2(doctor).when().post("/api/v1/reports/{id}/approval", reportIds.get(i)).then();
    }

    public ValidatableResponse release() {
        return given().auth().oauth2(doctor).when().post("/api/v1/cases/{id}/reports/release", caseId).then();
    }

    /** Writes, submits and approves report {@code i}. */
    public void approved(int i, String assessment, String surgery, String treatment) {
        saveDraft(i, content(assessment, surgery, treatment)).statusCode(200);
        submit(i).statusCode(200);
        approve(i).statusCode(200);
    }

    /** A single-specialist case released to the patient. */
    public static Panel released(KafkaCompanion kafka, String language) {
        Panel p = of(1, language, kafka);
        p.approved(0, "REFINED", "NO", "Active surveillance");
        p.release().statusCode(200);
        return p;
    }
}
