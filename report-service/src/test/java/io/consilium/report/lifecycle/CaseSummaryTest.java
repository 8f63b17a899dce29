package io.consilium.report.lifecycle;

import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.Tokens;
import io.consilium.report.support.Db;
import io.consilium.report.support.Panel;
import io.consilium.report.support.Panel.Expert;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The patient's summary of a case (issue 13) from the seed stories' reports, through the real broker and database:
 * Mr. Lee's two experts (a contact allergy, not a food allergy: a patch test to add, the food allergy tests to stop,
 * cetirizine) and AJ's three (plaque brachytherapy instead of removing the eye), each read back from the PDF with
 * PDFBox in two languages, and the JSON for the app.
 */
@QuarkusTest
class CaseSummaryTest {

    static final String OWN_ID = "0b6e4c1e-6a47-4c43-9d7e-3b1f8a2d5c90";
    static final String OWN_TEXT = "Could my shower gel or washing powder be causing the itching, not the food?";
    static final Expert FELIX = new Expert("Dr. Felix Braun", "dermatology", "Universitätsklinikum Demo Berlin", "DE");
    static final Expert GRACE = new Expert("Dr. Grace Okafor", "allergy-immunology", "Allergy Center Demo Boston", "US");
    static final Expert HENRY = new Expert("Prof. Henry Walsh", "ophthalmic-oncology", "Ocular Oncology Demo Philadelphia", "US");
    static final Expert KATE = new Expert("Prof. Kate Moreno", "ophthalmic-oncology", "Eye Institute Demo Miami", "US");
    static final Expert JAVIER = new Expert("Dr. Javier Jara", "ophthalmic-oncology", "Hospital Clínic Demo Barcelona", "ES");

    @Inject
    Db db;

    private final KafkaCompanion kafka = Broker.companion();

    @AfterEach
    void close() {
        kafka.close();
    }

    private static Map<String, Object> lee(String treatmentWords, List<Map<String, String>> medications, String ownAnswer) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("diagnosisAssessment", "CHANGED");
        c.put("diagnosis", "Chronic allergic contact dermatitis (preservatives: methylisothiazolinone) with chronic spontaneous urticaria");
        c.put("diagnosisIcd10", "L23.5");
        c.put("recommendedTreatment", treatmentWords);
        c.put("recommendedTreatmentCode", "ALLERGEN_AVOIDANCE");
        c.put("treatmentChanged", true);
        c.put("alternatives", List.of(Map.of("treatment", "Omalizumab if antihistamines fail", "treatmentCode", "BIOLOGIC_THERAPY",
                "benefits", "Controls refractory urticaria", "risks", "Injection reactions, cost")));
        c.put("waitAndSee", "Not advised: the itching is treatable now");
        c.put("surgeryNecessary", "NO");
        c.put("surgeryRationale", "No surgical question");
        c.put("prognosis", "Good once the allergen is avoided");
        c.put("whyDifferent", "The history points to a contact allergen, not food; food tests were negative twice");
        c.put("testsToAddCoded", List.of(Map.of("code", "PATCH_TEST_PRESERVATIVES", "text", "European baseline series with preservatives")));
        c.put("testsToStopCoded", List.of(Map.of("code", "FOOD_ALLERGY_TESTS", "text", "Further food allergy tests")));
        c.put("medicationsAtc", medications);
        c.put("answers", List.of(
                Map.of("questionCode", "DIAGNOSIS_CORRECT", "text", "No: a contact allergy, not a food allergy"),
                Map.of("questionCode", "SURGERY_NECESSARY", "text", "No surgery is needed"),
                Map.of("questionCode", OWN_ID, "text", ownAnswer)));
        return c;
    }

    private static Map<String, Object> aj(String treatmentWords) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("diagnosisAssessment", "CONFIRMED");
        c.put("diagnosis", "Choroidal melanoma, medium size (COMS), no extrascleral extension");
        c.put("diagnosisIcd10", "C69.3");
        c.put("recommendedTreatment", treatmentWords);
        c.put("recommendedTreatmentCode", "PLAQUE_BRACHYTHERAPY");
        c.put("treatmentChanged", true);
        c.put("alternatives", List.of(
                Map.of("treatment", "Proton beam radiotherapy", "treatmentCode", "PROTON_THERAPY",
                        "benefits", "Eye preserved, similar tumour control", "risks", "Radiation retinopathy"),
                Map.of("treatment", "Enucleation", "treatmentCode", "ENUCLEATION",
                        "benefits", "Definitive local control", "risks", "Loss of the eye")));
        c.put("waitAndSee", "No: the tumour should be treated within weeks");
        c.put("clinicalTrials", List.of("NCT02068586"));
        c.put("surgeryNecessary", "NO");
        c.put("surgeryRationale", "For a medium tumour survival after brachytherapy equals enucleation (COMS)");
        c.put("prognosis", "Five-year survival about 80 %");
        c.put("whyDifferent", "Enucleation is for large tumours; this one is medium-sized");
        c.put("testsToAddCoded", List.of(Map.of("code", "LIVER_MRI", "text", "for staging"),
                Map.of("code", "TUMOUR_GENE_EXPRESSION_PROFILE", "text", "")));
        c.put("answers", List.of(
                Map.of("questionCode", "DIAGNOSIS_CORRECT", "text", "Yes, the imaging is typical of a choroidal melanoma"),
                Map.of("questionCode", "SURGERY_NECESSARY", "text", "No: removing the eye is not needed for a tumour of this size")));
        return c;
    }

    /** Mr. Lee's case in {@code language}, both reports released by his personal doctor. */
    private Panel leeReleased(String language) {
        Panel p = Panel.withExperts(language, kafka, FELIX, GRACE);
        p.briefDiagnosis = "Food allergy with chronic pruritus and urticarial rash";
        p.briefIcd10 = "T78.1";
        p.briefTreatment = "Elimination diet and further food allergy tests";
        p.awaitBrief(p.publishBrief(kafka, Instant.now(), OWN_ID, OWN_TEXT));
        p.saveDraft(0, lee("Avoid methylisothiazolinone; second-generation antihistamines",
                List.of(Map.of("atc", "R06AE07", "text", "10 mg once daily"),
                        Map.of("atc", "D02AC", "text", "without preservatives")),
                "Very likely: methylisothiazolinone in shower gels fits your history.")).statusCode(200);
        p.saveDraft(1, lee("Keep away from the preservative; antihistamines every day",
                List.of(Map.of("atc", "R06AE07", "text", "10 mg daily")),
                "Yes, that is the likeliest cause; the patch test will confirm it.")).statusCode(200);
        for (int i = 0; i < 2; i++) {
            p.submit(i).statusCode(200);
            p.approve(i).statusCode(200);
        }
        releaseAsNamedDoctor(p);
        return p;
    }

    private Panel ajReleased(String language) {
        Panel p = Panel.withExperts(language, kafka, HENRY, KATE, JAVIER);
        List<String> words = List.of("Iodine-125 plaque brachytherapy", "I-125 plaque brachytherapy.",
                "Braquiterapia epiescleral con I-125");
        for (int i = 0; i < 3; i++) {
            p.saveDraft(i, aj(words.get(i))).statusCode(200);
            p.submit(i).statusCode(200);
            p.approve(i).statusCode(200);
        }
        releaseAsNamedDoctor(p);
        return p;
    }

    private static void releaseAsNamedDoctor(Panel p) {
        given().auth().oauth2(Tokens.named(p.doctorId, p.tenant, "Dr. Carla Rossi", "case-manager"))
                .post("/api/v1/cases/{id}/reports/release", p.caseId).then().statusCode(200);
    }

    private static String summaryPdf(Panel p, String token) throws IOException {
        byte[] pdf = given().auth().oauth2(token).get("/api/v1/cases/{id}/reports/summary.pdf", p.caseId).then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        keep(p, pdf);
        return text(pdf);
    }

    /** The summaries land in target/summaries, for docs/images (pdftoppm) and for a look by hand. */
    private static void keep(Panel p, byte[] pdf) throws IOException {
        Path dir = Path.of("target", "summaries");
        Files.createDirectories(dir);
        Files.write(dir.resolve("summary-" + p.language + "-" + p.caseId + ".pdf"), pdf);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    private static void noCodesNorIds(Panel p, String text) {
        assertThat(text).doesNotContain("DIAGNOSIS_CORRECT", "SURGERY_NECESSARY", OWN_ID, p.caseId, "FOOD_ALLERGY_TESTS",
                "ALLERGEN_AVOIDANCE", "PLAQUE_BRACHYTHERAPY", "sp-");
        p.reportIds.forEach(id -> assertThat(text).doesNotContain(id));
    }

    @Test
    void leesSummaryInEnglishNamesTheDiagnosisTheTestsToStopAndTheMedications() throws IOException {
        Panel p = leeReleased("en");
        String text = summaryPdf(p, p.patient);
        assertThat(text).contains("Your second opinion: summary", "2 independent experts",
                "Your diagnosis until now: Food allergy with chronic pruritus and urticarial rash (ICD-10 T78.1)",
                "All experts come to a different diagnosis",
                "Treatment proposed until now: Elimination diet and further food allergy tests",
                "Chronic allergic contact dermatitis (preservatives: methylisothiazolinone) with chronic spontaneous urticaria (ICD-10 L23.5)",
                "Tests to stop", "Food allergy tests (skin and blood)",
                "Tests to add", "Patch test with preservatives series",
                "Medications", "Cetirizine", "10 mg once daily", "Emollient (soft paraffin and fat products)",
                "Avoidance of the identified allergen", "Omalizumab if antihistamines fail",
                "Benefits: Controls refractory urticaria", "Risks: Injection reactions, cost",
                "Is my diagnosis correct?", OWN_TEXT, "Very likely: methylisothiazolinone in shower gels fits your history.",
                "Dr. Felix Braun: Dermatology, Universitätsklinikum Demo Berlin, Germany",
                "Dr. Grace Okafor: Allergy and clinical immunology, Allergy Center Demo Boston, United States",
                "What the experts agree on", "The recommended treatment: Avoidance of the identified allergen",
                "Where the experts differ, and why", "Dr. Felix Braun: Emollient",
                "Talk to your treating doctor", "Your personal doctor, Dr. Carla Rossi, will contact you");
        noCodesNorIds(p, text);
    }

    @Test
    void leesSummaryInSpanishHasEveryFixedTextAndNameInSpanish() throws IOException {
        Panel p = leeReleased("es");
        String text = summaryPdf(p, p.patient);
        assertThat(text).contains("Su segunda opinión: resumen", "Su diagnóstico hasta ahora: Food allergy",
                "Tratamiento propuesto hasta ahora: Elimination diet",
                "Todos los expertos llegan a un diagnóstico diferente",
                "Chronic allergic contact dermatitis", "(CIE-10 L23.5)",
                "Pruebas a suspender", "Pruebas de alergia alimentaria (piel y sangre)",
                "Pruebas a añadir", "Pruebas epicutáneas con serie de conservantes",
                "Medicamentos", "Cetirizina", "Evitar el alérgeno identificado",
                "¿Es correcto mi diagnóstico?", OWN_TEXT,
                "Dermatología", "Alemania", "Estados Unidos", "En qué coinciden los expertos",
                "Hable de esta opinión con su médico tratante", "Su médico personal, Dr. Carla Rossi");
        assertThat(text).doesNotContain("Tests to stop", "Your experts", "Is my diagnosis correct?");
        noCodesNorIds(p, text);
    }

    @Test
    void ajsSummaryInSpanishAndEnglishAgreesOnBrachytherapyWrittenInThreeWays() throws IOException {
        Panel p = ajReleased("es");
        String es = summaryPdf(p, p.patient);
        assertThat(es).contains("3 expertos independientes", "Todos los expertos confirman su diagnóstico",
                "Choroidal melanoma, medium size (COMS), no extrascleral extension (CIE-10 C69.3)",
                "Braquiterapia epiescleral con placa (ojo)", "Enucleación (extirpación del ojo)", "Protonterapia",
                "Resonancia magnética de hígado (estadificación)", "Perfil de expresión génica del tumor",
                "Pruebas a suspender no hay", "Medicamentos no hay",
                "Prof. Henry Walsh: Oncología ocular, Ocular Oncology Demo Philadelphia, Estados Unidos",
                "Dr. Javier Jara: Oncología ocular, Hospital Clínic Demo Barcelona, España",
                "El tratamiento recomendado: Braquiterapia epiescleral con placa (ojo)",
                "Los expertos no difieren en ningún punto que se pueda comparar",
                "Todos los expertos: No: removing the eye is not needed for a tumour of this size");
        noCodesNorIds(p, es);

        Panel en = ajReleased("en");
        String text = summaryPdf(en, en.patient);
        assertThat(text).contains("All experts confirm your diagnosis", "Plaque brachytherapy (eye)",
                "Enucleation of the eye", "MRI of the liver (staging)", "Tests to stop none", "Medications none",
                "Is surgery necessary?", "All experts: For a medium tumour survival after brachytherapy equals enucleation",
                "All experts: No: removing the eye");
        assertThat(text).contains("Gene expression profiling of the tumour (recommended by all experts)")
                .doesNotContain("(ICD-10 C69.3) (recommended", "(according to all experts)");
        JsonPath json = given().auth().oauth2(en.patient).get("/api/v1/cases/{id}/reports/summary", en.caseId).then()
                .statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        assertThat(json.getList("experts.country")).containsExactly("United States", "United States", "Spain");
        assertThat(json.getList("experts.countryCode")).containsExactly("US", "US", "ES");
        assertThat(json.getString("sections.find { it.key == 'treatment' }.entries[0].code")).isEqualTo("PLAQUE_BRACHYTHERAPY");
        assertThat(json.getList("sections.find { it.key == 'treatment' }.entries")).hasSize(1);
        assertThat(json.getBoolean("sections.find { it.key == 'treatment' }.entries[0].said[0].byAll")).isFalse();
        assertThat(json.getList("sections.find { it.key == 'differences' }.entries")).isEmpty();
        given().auth().oauth2(en.doctor).get("/api/v1/cases/{id}/consolidation", en.caseId).then().statusCode(200)
                .body("points.find { it.point == 'recommendedTreatment' }.outcome", equalTo("AGREED"))
                .body("points.find { it.point == 'recommendedTreatment' }.basis", equalTo("CODE"));
    }

    @Test
    void theSummaryIsForWhoeverMayReadTheReleasedReportsAndNotBeforeRelease() {
        Panel p = Panel.withExperts("en", kafka, FELIX);
        p.approved(0, "REFINED", "NO", "Active surveillance");
        given().auth().oauth2(p.patient).get("/api/v1/cases/{id}/reports/summary", p.caseId).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("no released report"));
        given().auth().oauth2(p.doctor).get("/api/v1/cases/{id}/reports/summary.pdf", p.caseId).then().statusCode(409);
        p.release().statusCode(200);
        given().auth().oauth2(p.patient).get("/api/v1/cases/{id}/reports/summary", p.caseId).then().statusCode(200)
                .body("experts[0].name", equalTo("Dr. Felix Braun"))
                .body("sections.key", hasItem("nextSteps"));
        given().auth().oauth2(p.doctor).get("/api/v1/cases/{id}/reports/summary", p.caseId).then().statusCode(200);
        given().auth().oauth2(p.specialists.get(0)).get("/api/v1/cases/{id}/reports/summary", p.caseId).then().statusCode(403);
        given().auth().oauth2(Tokens.patient("p-other", p.tenant)).get("/api/v1/cases/{id}/reports/summary", p.caseId)
                .then().statusCode(404);
        given().auth().oauth2(p.partner).get("/api/v1/cases/{id}/reports/summary", p.caseId).then().statusCode(404);
        given().auth().oauth2(Tokens.ops("ops-1")).get("/api/v1/cases/{id}/reports/summary", p.caseId).then().statusCode(404);
        given().auth().oauth2(Tokens.ops("ops-1")).header("X-Break-Glass-Reason", "Patient complaint 4711 about the summary")
                .get("/api/v1/cases/{id}/reports/summary", p.caseId).then().statusCode(200);
    }

    @Test
    void aPartnerWithConsentReadsNoneOfThePatientsOwnWordsAndAddendaAreDatedWithTheirQuestion() throws IOException {
        Panel p = leeReleased("en");
        String question = "May I use the shower gel again once the skin has healed?";
        String asked = given().auth().oauth2(p.patient).contentType(ContentType.JSON).body(Map.of("question", question))
                .post("/api/v1/reports/{id}/follow-up-questions", p.reportIds.get(0)).then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(p.specialists.get(0)).contentType(ContentType.JSON)
                .body(Map.of("answer", "No. Choose products whose label does not list methylisothiazolinone."))
                .post("/api/v1/reports/{id}/follow-up-questions/{q}/answer", p.reportIds.get(0), asked).then().statusCode(200);
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();

        String summary = summaryPdf(p, p.patient);
        assertThat(summary).contains("Follow-up questions", question,
                "Dr. Felix Braun: No. Choose products whose label does not list methylisothiazolinone.", "answered on");
        String full = text(given().auth().oauth2(p.doctor).get("/api/v1/reports/{id}/pdf?kind=full", p.reportIds.get(0))
                .then().statusCode(200).extract().asByteArray());
        assertThat(full).contains("Dr. Felix Braun", "Dermatology", "Universitätsklinikum Demo Berlin", "Germany (DE)",
                "(ICD-10 L23.5)", "[Avoidance of the identified allergen, code ALLERGEN_AVOIDANCE]",
                "[Biologic therapy (monoclonal antibodies), code BIOLOGIC_THERAPY]",
                "Patch test with preservatives series (code PATCH_TEST_PRESERVATIVES): European baseline series with preservatives",
                "Food allergy tests (skin and blood) (code FOOD_ALLERGY_TESTS): Further food allergy tests",
                "Cetirizine (ATC R06AE07): 10 mg once daily", "Treatment changed: Yes",
                today + " - " + question + ": No. Choose products");

        UUID granted = Broker.publish(kafka, Panel.CASE_TOPIC, "consilium.case.consent-granted.v1", p.caseId, p.tenant, """
                {"caseId":"%s","tenant":"%s","consentId":"%s","purpose":"REPORT_TO_PARTNER",
                 "specialistSubjects":[],"countries":[],"grantedAt":"%s"}"""
                .formatted(p.caseId, p.tenant, UUID.randomUUID(), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> db.count("select count(*) from inbox_event where event_id = ?1", granted) == 1);
        String json = given().auth().oauth2(p.partner).get("/api/v1/cases/{id}/reports/summary", p.caseId).then()
                .statusCode(200).extract().asString();
        assertThat(json).contains("Food allergy tests (skin and blood)", "Is my diagnosis correct?")
                .doesNotContain("shower gel", "until now", "Elimination diet", "Very likely", "likeliest cause", "methylisothiazolinone in shower");
        String partnerPdf = summaryPdf(p, p.partner);
        assertThat(partnerPdf).contains("Cetirizine").doesNotContain("shower gel", "Follow-up questions");
    }

    @Test
    void aCodeNotInTheCatalogueIsRefusedNamingTheFieldAndNothingIsStored() {
        Panel p = Panel.withExperts("en", kafka, FELIX);
        Map<String, Object> good = lee("Avoid the preservative", List.of(Map.of("atc", "R06AE07", "text", "10 mg")), "x");
        p.saveDraft(0, good).statusCode(200);

        Map<String, Object> badTreatment = new LinkedHashMap<>(good);
        badTreatment.put("recommendedTreatmentCode", "HOMEOPATHY");
        badTreatment.put("diagnosis", "changed in the refused request");
        p.saveDraft(0, badTreatment).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("recommendedTreatmentCode"))
                .body("violations.findAll { it.field == 'recommendedTreatmentCode' }.size()", equalTo(1))
                .body("violations.message", hasItem(containsString("catalogue of treatments")));

        Map<String, Object> badAtc = new LinkedHashMap<>(good);
        badAtc.put("medicationsAtc", List.of(Map.of("atc", "R06AE07"), Map.of("atc", "X99ZZ99", "text", "?")));
        p.saveDraft(0, badAtc).statusCode(400).body("violations.field", hasItem("medicationsAtc[1].atc"));

        Map<String, Object> badTest = new LinkedHashMap<>(good);
        badTest.put("testsToStopCoded", List.of(Map.of("code", "R06AE07")));
        p.saveDraft(0, badTest).statusCode(400).body("violations.field", hasItem("testsToStopCoded[0].code"));

        Map<String, Object> badAlternative = new LinkedHashMap<>(good);
        badAlternative.put("alternatives", List.of(Map.of("treatment", "x", "treatmentCode", "NOPE")));
        p.saveDraft(0, badAlternative).statusCode(400).body("violations.field", hasItem("alternatives[0].treatmentCode"));

        given().auth().oauth2(p.specialists.get(0)).get("/api/v1/reports/{id}", p.reportIds.get(0)).then().statusCode(200)
                .body("content.recommendedTreatmentCode", equalTo("ALLERGEN_AVOIDANCE"))
                .body("content.diagnosis", containsString("Chronic allergic contact dermatitis"))
                .body("content.medicationsAtc.atc", equalTo(List.of("R06AE07")));
    }

    @Test
    void aDraftStoredBeforeCodesExistedStillReadsSubmitsAndSummarises() {
        Panel p = Panel.withExperts("en", kafka, FELIX);
        // As issue 12 stored it: no coded fields at all in the JSON text.
        db.update("update report set draft = ?1 where id = cast(?2 as uuid)", """
                {"alternatives":[{"benefits":"b","risks":"r","treatment":"Surgery"}],"answers":[
                {"questionCode":"DIAGNOSIS_CORRECT","text":"Yes"},{"questionCode":"SURGERY_NECESSARY","text":"No"}],
                "clinicalTrials":[],"diagnosis":"Prostate cancer","diagnosisAssessment":"CONFIRMED","diagnosisIcd10":"C61",
                "medications":["None"],"prognosis":null,"recommendedTreatment":"Active surveillance","surgeryNecessary":"NO",
                "surgeryRationale":null,"testsToAdd":["MRI"],"testsToStop":["Bone scan"],"treatmentChanged":false,
                "waitAndSee":null,"whyDifferent":null}""", p.reportIds.get(0));
        p.submit(0).statusCode(200);
        p.approve(0).statusCode(200);
        p.release().statusCode(200);
        given().auth().oauth2(p.patient).get("/api/v1/cases/{id}/reports/summary", p.caseId).then().statusCode(200)
                .body("sections.find { it.key == 'testsToStop' }.entries[0].text", equalTo("Bone scan"))
                .body("sections.find { it.key == 'treatment' }.entries[0].text", equalTo("Active surveillance"));
    }
}
