package io.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mr. Lee's story through the whole suite, every call through the gateway with a real Keycloak token of its role:
 * two years of itching and rashes treated as a food allergy. partner-acme opens the case for its member; Mr. Lee
 * chooses the questions, adds his own and consents; the personal doctor asks for records; Mr. Lee uploads a PDF lab
 * report and a photo; a dermatologist (DE) and an allergist (US) are matched and accept; both reports refine the
 * diagnosis (chronic allergic contact dermatitis), add a patch test and cetirizine, and stop the food-allergy tests;
 * the consolidation shows their agreement; the doctor approves and releases; Mr. Lee reads the summary PDF and shares
 * it with his treating doctor by a link that works without an account; a follow-up outcome is recorded and the case
 * closes. Along the way: his e-mails (GreenMail) and inbox items, the partner's signed webhooks (verified, nothing
 * clinical), and his access log naming every reader.
 */
class SkinStoryIT {

    static final Caller LEE = Caller.user("lee");
    static final Expert FELIX = new Expert("dr-felix");
    static final Expert GRACE = new Expert("dr-grace");
    static final String OWN_QUESTION = "Could my shower gel or washing powder be causing the itching, not the food?";

    static PartnerReceiver acmeHooks;
    static Mailbox leesMail;

    @BeforeAll
    static void scene() throws Exception {
        Scene.ready();
        acmeHooks = PartnerReceiver.start(Scene.ACME);
        leesMail = Mailbox.of("lee@example.org");
    }

    @AfterAll
    static void removeReceiver() {
        if (acmeHooks != null) {
            acmeHooks.close();
        }
    }

    @Test
    void twoExpertsAgreeOnAContactAllergyAndStopTheFoodAllergyTests() {
        // intake: the partner opens the case for its member
        String caseId = Scene.ACME.post("/api/v1/cases", """
                {"memberId":"%s","patient":{"name":"Li Lee","email":"lee@example.org","preferredLanguage":"en","countryOfResidence":"DE"},
                 "reasons":["CONFIRM_DIAGNOSIS"],"diagnosis":{"text":"Food allergy with chronic pruritus and urticarial rash","icd10Code":"T78.1"},
                 "proposedTreatment":"Elimination diet and further food allergy tests",
                 "treatingDoctor":{"name":"Dr. Weber","institution":"Praxis am Markt","country":"DE"},
                 "requestedSpecialty":"dermatology","urgency":"ROUTINE","questions":["DIAGNOSIS_CORRECT"]}"""
                .formatted(Scene.memberOf("lee"))).json(201).path("id").asText();

        // Mr. Lee chooses the questions in his app and adds his own, which the partner never reads
        LEE.get("/api/v1/cases").expect(200); // links his account to the case by his token's member id
        JsonNode intake = LEE.putIfMatch("/api/v1/cases/" + caseId + "/questions", "/api/v1/cases/" + caseId, """
                {"reasons":["CONFIRM_DIAGNOSIS","NOT_RESPONDING_TO_TREATMENT"],"questions":["DIAGNOSIS_CORRECT","ALTERNATIVES","BENEFITS_RISKS"],
                 "ownQuestions":[{"text":"%s"}]}""".formatted(OWN_QUESTION)).json(200).path("intake");
        assertThat(intake.path("questions").toString()).contains("ALTERNATIVES", "BENEFITS_RISKS");
        assertThat(Scene.ACME.get("/api/v1/cases/" + caseId).json(200).toString()).doesNotContain("shower gel");
        LEE.post("/api/v1/cases/" + caseId + "/submit").expect(200);
        LEE.post("/api/v1/cases/" + caseId + "/consents", "{\"purpose\":\"RECORDS_TO_SPECIALISTS\",\"countries\":[\"DE\",\"US\"]}").expect(201);
        LEE.post("/api/v1/cases/" + caseId + "/consents", "{\"purpose\":\"REPORT_TO_TREATING_DOCTOR\"}").expect(201);

        // a personal doctor is assigned and asks for records; Mr. Lee is told by e-mail and in his inbox
        JsonNode assigned = Eventually.value("a personal doctor on case " + caseId, () -> {
            JsonNode c = LEE.get("/api/v1/cases/" + caseId).json(200);
            return c.path("managerId").isTextual() ? c : null;
        });
        Caller doctor = Scene.doctorOf(assigned);
        doctor.post("/api/v1/cases/" + caseId + "/records-requests", """
                {"items":[{"code":"LAB_RESULTS","label":"IgE panel and food allergy tests","required":true},
                          {"code":"PHOTO","label":"Photos of the rash","required":false}]}""").expect(200, 201);
        awaitInbox(caseId, "consilium.case.records-requested.v1");
        int mailsAfterRequest = Eventually.value("an e-mail to Mr. Lee about the records", () -> {
            int n = leesMail.arrived().size();
            return n >= 1 ? n : null;
        });

        // he uploads a PDF lab report and a photo with tus; the doctor accepts them and writes the history
        String lab = Records.upload(LEE, caseId, "LAB_RESULT", "allergy-tests.pdf", "application/pdf",
                Records.pdf("Labor am Markt - Allergy panel", "Total IgE 310 kU/l (raised)", "Food allergen panel: negative (2x)"));
        String photo = Records.upload(LEE, caseId, "PHOTO", "rash-forearm.jpg", "image/jpeg", Records.jpeg());
        Checklist.await(doctor, caseId, "both uploads received", c -> Checklist.count(c, "RECEIVED") + Checklist.count(c, "ACCEPTED") >= 2);
        Checklist.settle(doctor, caseId, "Not needed for a dermatological and allergological opinion");
        Checklist.complete(doctor, caseId);
        doctor.putIfMatch("/api/v1/cases/" + caseId + "/background", "/api/v1/cases/" + caseId, """
                {"history":"Itching and wheals for two years, worse after showering; elimination diet for 18 months without effect; food allergy tests negative twice.",
                 "ageBand":"AGE_40_59","sex":"MALE"}""").expect(200);

        // two seats: dermatology and allergy; both experts read the short summary, accept, and see his own question
        doctor.post("/api/v1/cases/" + caseId + "/review-requests",
                "{\"seats\":[{\"specialty\":\"dermatology\"},{\"specialty\":\"allergy-immunology\"}]}").expect(200);
        for (Expert expert : List.of(FELIX, GRACE)) {
            JsonNode brief = expert.acceptAndReadBrief(caseId);
            assertThat(brief.path("questions").toString()).as("the brief carries the patient's own question").contains("shower gel");
            JsonNode documents = expert.caller().get("/api/v1/cases/" + caseId + "/documents").json(200);
            assertThat(documents.toString()).contains(lab, photo);
        }
        Scene.awaitState(doctor, caseId, "IN_REVIEW");

        // both reports: a contact allergy, a patch test added, cetirizine, the food allergy tests stopped
        String content = """
                {"diagnosisAssessment":"CHANGED","diagnosis":"Chronic allergic contact dermatitis (methylisothiazolinone) with chronic spontaneous urticaria",
                 "diagnosisIcd10":"L23.5","recommendedTreatment":"Avoid methylisothiazolinone; second-generation antihistamines; patch test",
                 "treatmentChanged":true,"recommendedTreatmentCode":"ALLERGEN_AVOIDANCE",
                 "alternatives":[{"treatment":"Omalizumab if antihistamines fail","treatmentCode":"BIOLOGIC_THERAPY","benefits":"Controls refractory urticaria","risks":"Injection reactions, cost"}],
                 "waitAndSee":"Not advised: the itching is treatable now","clinicalTrials":[],"surgeryNecessary":"NO",
                 "surgeryRationale":"No surgical question","prognosis":"Good once the allergen is avoided",
                 "whyDifferent":"The history points to a contact allergen, not food; food tests were negative twice",
                 "testsToAdd":[],"testsToStop":[],"medications":[],
                 "testsToAddCoded":[{"code":"PATCH_TEST_PRESERVATIVES","text":"European baseline series with preservatives"}],
                 "testsToStopCoded":[{"code":"FOOD_ALLERGY_TESTS","text":"Further food allergy tests"}],
                 "medicationsAtc":[{"atc":"R06AE07","text":"Cetirizine 10 mg daily"},{"atc":"D02AC","text":"Emollient without preservatives"}]}""";
        List<String> reports = new ArrayList<>();
        reports.add(FELIX.report(caseId, content, Map.of("DIAGNOSIS_CORRECT", "No: a contact allergy, not a food allergy",
                "ALTERNATIVES", "Antihistamines, then omalizumab",
                "BENEFITS_RISKS", "Antihistamines are safe long term; avoiding the allergen has no risk",
                "own", "Very likely: methylisothiazolinone in shower gels and detergents fits your history.")));
        reports.add(GRACE.report(caseId, content, Map.of("DIAGNOSIS_CORRECT", "No: the food tests were negative twice",
                "ALTERNATIVES", "Omalizumab if antihistamines do not control the urticaria",
                "BENEFITS_RISKS", "Omalizumab works in most; injections monthly",
                "own", "Yes, that is the likeliest cause; the patch test will confirm it.")));

        // the consolidation shows their agreement, point by point, compared by code
        JsonNode consolidation = Eventually.value("a consolidation of both reports", () -> {
            JsonNode c = doctor.get("/api/v1/cases/" + caseId + "/consolidation").json(200);
            return c.path("reports").asInt() == 2 ? c : null;
        });
        assertThat(consolidation.path("differing")).as("nothing differs: " + consolidation).isEmpty();
        Map<String, JsonNode> points = pointsOf(consolidation);
        for (String point : List.of("diagnosis", "recommendedTreatment", "testsToAdd", "testsToStop", "medications")) {
            assertThat(points.get(point).path("outcome").asText()).as(point + ": " + points.get(point)).isEqualTo("AGREED");
            assertThat(points.get(point).path("basis").asText()).as(point).isEqualTo("CODE");
        }

        // the doctor approves both and releases; Mr. Lee is told, reads the summary and shares it
        for (String report : reports) {
            doctor.post("/api/v1/reports/" + report + "/approval").expect(200);
        }
        Scene.awaitState(doctor, caseId, "REPORT_READY");
        doctor.post("/api/v1/cases/" + caseId + "/reports/release").expect(200);
        Scene.awaitState(LEE, caseId, "REPORT_DELIVERED");
        awaitInbox(caseId, "consilium.report.released.v1");
        Eventually.value("an e-mail to Mr. Lee about the released report", () ->
                leesMail.arrived().size() > mailsAfterRequest ? Boolean.TRUE : null);

        JsonNode summary = LEE.get("/api/v1/cases/" + caseId + "/reports/summary").json(200);
        assertThat(summary.path("language").asText()).isEqualTo("en");
        assertThat(summary.path("experts")).hasSize(2);
        Reply pdf = LEE.get("/api/v1/cases/" + caseId + "/reports/summary.pdf").expect(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        String text = Records.textOf(pdf.body()).replaceAll("\\s+", " ");
        assertThat(text).contains("contact dermatitis", "Cetirizine", "food allergy tests", "Felix Fischer", "Grace Green");

        JsonNode link = LEE.post("/api/v1/cases/" + caseId + "/share-links", "{\"validHours\":72}").json(201);
        Reply shared = Caller.nobody().get(link.path("path").asText()).expect(200);
        assertThat(shared.contentType()).startsWith("application/pdf");
        assertThat(Records.textOf(shared.body()).replaceAll("\\s+", " ")).contains("contact dermatitis");

        // follow-up: the doctor discusses the opinions, records the outcome, and closes the case
        doctor.post("/api/v1/cases/" + caseId + "/discussion",
                "{\"summary\":\"Discussed both opinions with Mr. Lee; he stops the diet and books the patch test.\"}").expect(200);
        doctor.post("/api/v1/cases/" + caseId + "/follow-ups", "{\"daysAfterReport\":[30]}").expect(200, 201);
        String followUp = doctor.get("/api/v1/cases/" + caseId + "/follow-ups").json(200).get(0).path("id").asText();
        doctor.post("/api/v1/cases/" + caseId + "/follow-ups/" + followUp + "/outcome", """
                {"treatmentChosen":"Allergen avoidance and cetirizine","treatmentCode":"ALLERGEN_AVOIDANCE","opinionFollowed":"YES",
                 "notes":"Itching much better after four weeks"}""").expect(200);
        doctor.post("/api/v1/cases/" + caseId + "/close").expect(200);
        Scene.awaitState(LEE, caseId, "CLOSED");

        // the partner's receiver got signed state changes of the case, and nothing clinical
        Set<String> types = Eventually.value("the partner's webhook for the closed case", () -> {
            Set<String> seen = new HashSet<>();
            acmeHooks.about(caseId).forEach(d -> seen.add(d.type()));
            return seen.contains("consilium.case.closed.v1") ? seen : null;
        });
        assertThat(types).contains("consilium.case.submitted.v1", "consilium.case.manager-assigned.v1",
                "consilium.case.records-requested.v1", "consilium.case.records-completed.v1",
                "consilium.specialist.panel-assembled.v1", "consilium.report.released.v1",
                "consilium.case.report-delivered.v1", "consilium.case.closed.v1");
        assertThat(acmeHooks.deliveries()).allSatisfy(d -> assertThat(d.verified()).as(d.webhookId() + ": " + d.verdict()).isTrue());
        for (PartnerReceiver.Delivery d : acmeHooks.about(caseId)) {
            assertThat(d.body()).doesNotContain("dermatitis", "Lee", "shower", "urticaria", Scene.memberOf("lee"), "Weber");
        }

        // Mr. Lee's e-mails name no diagnosis; his access log names everyone who read his records
        for (Mailbox.Mail mail : leesMail.arrived()) {
            assertThat(mail.source()).doesNotContain("dermatitis", "urticaria");
        }
        Set<String> readers = new HashSet<>();
        LEE.get("/api/v1/cases/" + caseId + "/access-log?size=100").json(200).path("items")
                .forEach(e -> readers.add(e.path("subject").asText()));
        assertThat(readers).contains(doctor.subject(), FELIX.caller().subject(), GRACE.caller().subject(), LEE.subject());
    }

    /** Waits for Mr. Lee's inbox item of this type about the case. */
    private static void awaitInbox(String caseId, String eventType) {
        Eventually.value("Mr. Lee's inbox item " + eventType, () -> {
            for (JsonNode item : LEE.get("/api/v1/me/notifications?size=100").json(200).path("items")) {
                if (caseId.equals(item.path("caseId").asText()) && eventType.equals(item.path("eventType").asText())) {
                    return item;
                }
            }
            return null;
        });
    }

    static Map<String, JsonNode> pointsOf(JsonNode consolidation) {
        Map<String, JsonNode> points = new java.util.HashMap<>();
        consolidation.path("points").forEach(p -> points.put(p.path("point").asText(), p));
        return points;
    }
}
