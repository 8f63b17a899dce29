package io.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AJ's story through the whole suite, every call through the gateway with a real Keycloak token of its role: an
 * intraocular tumour (choroidal melanoma), the eye's removal proposed, a panel in two countries. AJ lives in Spain
 * and opens his case himself (URGENT, his own question in Spanish), submits and consents to his records going to
 * experts in the US and Spain; his personal doctor asks for imaging, he uploads a DICOM study, which
 * document-service indexes; a pathology specimen is shipped and received; the doctor translates his question and
 * asks for three ophthalmic-oncology seats, at least two of them outside Spain. prof-iris declines and
 * specialist-service refills her seat alone, by itself, with prof-kate; the three (two licensed in the US, one in
 * Spain) read the brief with the translation, and all recommend plaque brachytherapy instead of enucleation, which
 * the consolidation shows as full agreement by code. The doctor approves and releases; AJ reads his summary in
 * Spanish; the doctor finds an in-network provider of brachytherapy for acme's members, records AJ's choice of it,
 * and closes the case.
 */
class TumourStoryIT {

    static final Caller AJ = Caller.user("aj");
    static final Expert HENRY = new Expert("prof-henry");
    static final Expert IRIS = new Expert("prof-iris");
    static final Expert JAVIER = new Expert("dr-javier");
    static final Expert KATE = new Expert("prof-kate");
    static final String OWN_QUESTION = "¿Podré conservar la vista del ojo izquierdo?";
    static final String TRANSLATION = "Will I keep the sight of my left eye?";
    /** Madrid, where AJ lives: the providers are ranked from here. */
    static final double AJ_LATITUDE = 40.4168;
    static final double AJ_LONGITUDE = -3.7038;
    /** Makes this run's study UID and provider names its own, so a rerun never finds the last run's. */
    static final String RUN = Long.toString(System.currentTimeMillis(), 36) + ThreadLocalRandom.current().nextInt(1000);

    @BeforeAll
    static void scene() {
        Scene.ready();
    }

    @Test
    void threeExpertsInTwoCountriesAgreeOnBrachytherapyInsteadOfRemovingTheEye() {
        // intake: AJ opens the case himself in the app, urgent, with his own question in Spanish
        JsonNode opened = AJ.post("/api/v1/cases", """
                {"patient":{"name":"Antonio Jiménez","preferredLanguage":"es","countryOfResidence":"ES"},
                 "reasons":["CONFIRM_DIAGNOSIS","SURGERY_OR_LIFELONG_CONSEQUENCES"],
                 "diagnosis":{"text":"Choroidal melanoma, left eye, 11 mm","icd10Code":"C69.3"},
                 "proposedTreatment":"Enucleation of the left eye","treatingDoctor":{"institution":"Hospital Universitario Demo"},
                 "requestedSpecialty":"ophthalmic-oncology","urgency":"URGENT",
                 "questions":["DIAGNOSIS_CORRECT","ALTERNATIVES","SURGERY_NECESSARY"],"otherQuestions":["%s"]}"""
                .formatted(OWN_QUESTION)).json(201);
        String caseId = opened.path("id").asText();
        assertThat(opened.path("state").asText()).isEqualTo("DRAFT");
        assertThat(opened.path("urgency").asText()).isEqualTo("URGENT");
        assertThat(opened.path("memberId").asText()).as("the member his token names").isEqualTo(Scene.memberOf("aj"));
        assertThat(opened.path("patientId").asText()).isEqualTo(AJ.subject());
        assertThat(opened.path("intake").path("ownQuestions").get(0).path("text").asText()).isEqualTo(OWN_QUESTION);
        assertThat(AJ.post("/api/v1/cases/" + caseId + "/submit").json(200).path("state").asText())
                .isIn("SUBMITTED", "MANAGER_ASSIGNED");
        AJ.post("/api/v1/cases/" + caseId + "/consents", "{\"purpose\":\"RECORDS_TO_SPECIALISTS\",\"countries\":[\"US\",\"ES\"]}").expect(201);

        // a Spanish-speaking personal doctor is assigned and asks for the imaging
        JsonNode assigned = Eventually.value("a personal doctor on case " + caseId, () -> {
            JsonNode c = AJ.get("/api/v1/cases/" + caseId).json(200);
            return c.path("managerId").isTextual() ? c : null;
        });
        Caller doctor = Scene.doctorOf(assigned);
        doctor.post("/api/v1/cases/" + caseId + "/records-requests",
                "{\"items\":[{\"code\":\"IMAGING\",\"label\":\"Ocular ultrasound and MRI\",\"required\":true}]}").expect(200, 201);
        Scene.awaitState(doctor, caseId, "COLLECTING_RECORDS");
        // the request reached document-service's checklist after the manager's assignment (same case, same order),
        // so from here document-service knows the doctor as the case's manager
        Checklist.await(doctor, caseId, "the requested imaging", c -> item(c, "IMAGING").path("sources").toString().contains("REQUEST"));

        // AJ uploads a DICOM ultrasound study; document-service indexes its headers
        String studyUid = "1.2.826.0.1.3680043.10.99." + System.currentTimeMillis() + "." + ThreadLocalRandom.current().nextInt(1, 100000);
        String study = Records.upload(AJ, caseId, "IMAGING", "ocular-ultrasound-left-eye.dcm", "application/dicom",
                Records.dicom(studyUid, "US", "EYE", "20260115"));
        JsonNode document = Eventually.value("the DICOM document " + study, () -> {
            Reply r = doctor.get("/api/v1/documents/" + study);
            return r.status() == 200 ? r.json() : null;
        });
        assertThat(document.path("contentType").asText()).isEqualTo("application/dicom");
        assertThat(document.path("kind").asText()).isEqualTo("IMAGING");
        assertThat(document.path("dicom")).as("the document's DICOM index: " + document).hasSize(1);
        assertThat(document.path("dicom").get(0).path("studyInstanceUid").asText()).isEqualTo(studyUid);
        assertThat(document.path("dicom").get(0).path("modality").asText()).isEqualTo("US");
        JsonNode imaging = doctor.get("/api/v1/cases/" + caseId + "/imaging?studyInstanceUid=" + studyUid).json(200);
        assertThat(imaging.path("total").asLong()).as("the case's imaging index: " + imaging).isEqualTo(1);
        JsonNode instance = imaging.path("items").get(0);
        assertThat(instance.path("documentId").asText()).isEqualTo(study);
        assertThat(instance.path("modality").asText()).isEqualTo("US");
        assertThat(instance.path("bodyPart").asText()).isEqualTo("EYE");
        assertThat(instance.path("studyDate").asText()).isEqualTo("2026-01-15");
        assertThat(doctor.get("/api/v1/cases/" + caseId + "/imaging?studyInstanceUid=" + studyUid + "&modality=MR")
                .json(200).path("total").asLong()).as("no MR series in this study").isZero();

        // the biopsy's slides go to the Spanish expert's pathology lab: a specimen tracked to its receipt
        JsonNode specimen = doctor.post("/api/v1/cases/" + caseId + "/specimens", """
                {"description":"Fine-needle aspiration cytology slides of the choroidal tumour, left eye",
                 "destination":{"institution":"Hospital Clínic Demo, ocular pathology","recipient":"Dr. Javier Jara"}}""").json(201);
        String specimenId = specimen.path("id").asText();
        assertThat(specimen.path("state").asText()).isEqualTo("REQUESTED");
        String trackingId = "WC-MAD-BCN-" + RUN;
        JsonNode shipped = doctor.post("/api/v1/specimens/" + specimenId + "/shipment",
                "{\"carrier\":\"World Courier\",\"trackingId\":\"" + trackingId + "\"}").json(200);
        assertThat(shipped.path("state").asText()).isEqualTo("SHIPPED");
        assertThat(shipped.path("trackingId").asText()).isEqualTo(trackingId);
        assertThat(shipped.path("destinationInstitution").asText()).isEqualTo("Hospital Clínic Demo, ocular pathology");
        JsonNode received = doctor.post("/api/v1/specimens/" + specimenId + "/receipt").json(200);
        assertThat(received.path("state").asText()).isEqualTo("RECEIVED");
        assertThat(received.path("receivedAt").isTextual()).as("received at: " + received).isTrue();
        JsonNode ajsSpecimens = AJ.get("/api/v1/cases/" + caseId + "/specimens").json(200);
        assertThat(ajsSpecimens).hasSize(1);
        assertThat(ajsSpecimens.get(0).path("state").asText()).as("AJ follows his specimen").isEqualTo("RECEIVED");

        // the study and the specimen on the checklist; the doctor accepts them and waives the rest
        String specimenItem = specimen.path("checklistItemId").asText();
        Checklist.await(doctor, caseId, "the study and the specimen received", c ->
                "RECEIVED".equals(item(c, "IMAGING").path("state").asText())
                        && "RECEIVED".equals(itemById(c, specimenItem).path("state").asText()));
        JsonNode settled = Checklist.settle(doctor, caseId, "Not needed: imaging is diagnostic for this tumour");
        assertThat(item(settled, "IMAGING").path("state").asText()).isEqualTo("ACCEPTED");
        assertThat(itemById(settled, specimenItem).path("state").asText()).isEqualTo("ACCEPTED");
        Checklist.complete(doctor, caseId);
        Scene.awaitState(doctor, caseId, "READY_FOR_REVIEW");

        // the doctor translates AJ's question for the experts; the case keeps his words beside it
        String own = doctor.get("/api/v1/cases/" + caseId).json(200).path("intake").path("ownQuestions").get(0).path("id").asText();
        doctor.putIfMatch("/api/v1/cases/" + caseId + "/questions/" + own + "/translation", "/api/v1/cases/" + caseId,
                "{\"language\":\"en\",\"text\":\"" + TRANSLATION + "\"}").expect(200);
        JsonNode translated = doctor.get("/api/v1/cases/" + caseId).json(200).path("intake").path("ownQuestions").get(0);
        assertThat(translated.path("text").asText()).isEqualTo(OWN_QUESTION);
        assertThat(translated.path("translation").asText()).isEqualTo(TRANSLATION);
        assertThat(translated.path("translationLanguage").asText()).isEqualTo("en");

        // three ophthalmic-oncology seats, at least two experts practising outside Spain, in the US or Spain only
        doctor.post("/api/v1/cases/" + caseId + "/review-requests", """
                {"seats":[{"specialty":"ophthalmic-oncology","focus":"C69.3"},{"specialty":"ophthalmic-oncology","focus":"C69.3"},
                          {"specialty":"ophthalmic-oncology","focus":"C69.3"}],
                 "countryRules":{"minOutsideResidence":2,"allowed":["US","ES"]}}""").expect(200);

        // the panel as ops see it: one invitation per seat, henry and iris (US) and javier (ES); kate not yet
        JsonNode panel = Eventually.value("three invitations on case " + caseId + "'s panel", Duration.ofSeconds(40), () -> {
            Reply r = Scene.OPS.get("/api/v1/cases/" + caseId + "/panel");
            return r.status() == 200 && r.json().path("invitations").size() >= 3 ? r.json() : null;
        });
        assertThat(panel.path("minOutsideResidence").asInt()).isEqualTo(2);
        assertThat(texts(panel.path("allowedCountries"))).containsExactlyInAnyOrder("US", "ES");
        assertThat(panel.path("seats")).hasSize(3);
        Map<String, JsonNode> invited = bySubject(panel.path("invitations"));
        assertThat(invited.keySet()).as("the first invitations: " + panel.path("invitations"))
                .containsExactlyInAnyOrder(subject(HENRY), subject(IRIS), subject(JAVIER));
        Set<Integer> seats = new HashSet<>();
        for (JsonNode invitation : invited.values()) {
            assertThat(invitation.path("state").asText()).isEqualTo("INVITED");
            seats.add(invitation.path("seat").asInt());
            // the plan's urgent lane: accept within 24 h, report within 72 h
            assertThat(Duration.between(instant(invitation, "invitedAt"), instant(invitation, "acceptBy")))
                    .isEqualTo(Duration.ofHours(24));
            assertThat(invitation.path("reportWithinHours").asInt()).isEqualTo(72);
        }
        assertThat(seats).as("one invitation per seat").containsExactlyInAnyOrder(1, 2, 3);
        assertThat(countriesOf(invited.values(), "practiceCountry")).as("two practise outside Spain")
                .containsExactlyInAnyOrder("US", "US", "ES");
        assertThat(countriesOf(invited.values(), "licenceCountries")).as("two licensed in the US, one in Spain")
                .containsExactlyInAnyOrder("US", "US", "ES");
        assertThat(invitationsOf(KATE, caseId)).as("prof-kate is not invited while the seats are held").isEmpty();

        // prof-iris declines: specialist-service invites the next candidate of her seat, prof-kate, by itself
        IRIS.decline(caseId, "No capacity before the due date");
        JsonNode katesInvitation = KATE.invitation(caseId, "INVITED");
        JsonNode afterDecline = Scene.OPS.get("/api/v1/cases/" + caseId + "/panel").json(200);
        Map<String, JsonNode> now = bySubject(afterDecline.path("invitations"));
        JsonNode irisAnswer = now.get(subject(IRIS));
        assertThat(irisAnswer.path("state").asText()).isEqualTo("DECLINED");
        assertThat(irisAnswer.path("declineReason").asText()).isEqualTo("No capacity before the due date");
        assertThat(instant(katesInvitation, "invitedAt")).as("prof-kate invited after prof-iris declined")
                .isAfterOrEqualTo(instant(irisAnswer, "respondedAt"));
        assertThat(katesInvitation.path("seat").asInt()).as("prof-kate takes prof-iris' seat")
                .isEqualTo(invited.get(subject(IRIS)).path("seat").asInt());
        assertThat(katesInvitation.path("overridden").asBoolean()).as("nobody chose her").isFalse();
        assertThat(afterDecline.path("invitations")).as("only the declined seat was refilled: " + afterDecline.path("invitations"))
                .hasSize(4);
        for (Expert held : List.of(HENRY, JAVIER)) {
            JsonNode before = invited.get(subject(held));
            JsonNode after = now.get(subject(held));
            assertThat(after.path("id").asText()).as(held.caller() + "'s invitation untouched").isEqualTo(before.path("id").asText());
            assertThat(after.path("seat").asInt()).isEqualTo(before.path("seat").asInt());
            assertThat(after.path("state").asText()).isEqualTo("INVITED");
        }
        assertThat(countriesOf(List.of(now.get(subject(HENRY)), now.get(subject(JAVIER)), now.get(subject(KATE))),
                "practiceCountry")).as("the country rule still holds").containsExactlyInAnyOrder("US", "US", "ES");

        // the three accept and read the brief: AJ's question in his words with the doctor's translation beside it
        for (Expert expert : List.of(HENRY, JAVIER, KATE)) {
            JsonNode brief = expert.acceptAndReadBrief(caseId);
            assertThat(brief.path("urgency").asText()).isEqualTo("URGENT");
            assertThat(brief.path("patientLanguage").asText()).isEqualTo("es");
            assertThat(brief.path("diagnosis").path("icd10Code").asText()).isEqualTo("C69.3");
            assertThat(brief.path("proposedTreatment").asText()).isEqualTo("Enucleation of the left eye");
            JsonNode asked = null;
            for (JsonNode q : brief.path("questions")) {
                if ("OWN".equals(q.path("kind").asText())) {
                    asked = q;
                }
            }
            assertThat(asked).as(expert.caller() + "'s brief has AJ's own question: " + brief.path("questions")).isNotNull();
            assertThat(asked.path("text").asText()).isEqualTo(OWN_QUESTION);
            assertThat(asked.path("translation").asText()).isEqualTo(TRANSLATION);
            assertThat(asked.path("translationLanguage").asText()).isEqualTo("en");
            assertThat(brief.path("records").toString()).as("the study is among the records").contains(study, "application/dicom");
            JsonNode specimenInBrief = null;
            for (JsonNode i : brief.path("checklist")) {
                if (specimenItem.equals(i.path("itemId").asText())) {
                    specimenInBrief = i;
                }
            }
            assertThat(specimenInBrief).as("the specimen on the brief's checklist: " + brief.path("checklist")).isNotNull();
            assertThat(specimenInBrief.path("kind").asText()).isEqualTo("SPECIMEN");
            assertThat(specimenInBrief.path("status").asText()).isEqualTo("RECEIVED");
        }
        Scene.awaitState(doctor, caseId, "IN_REVIEW");
        assertThat(Scene.OPS.get("/api/v1/cases/" + caseId + "/panel").json(200).path("state").asText()).isEqualTo("ASSEMBLED");

        // three reports: plaque brachytherapy instead of removing the eye
        String content = """
                {"diagnosisAssessment":"CONFIRMED","diagnosis":"Choroidal melanoma, medium size (COMS), no extrascleral extension",
                 "diagnosisIcd10":"C69.3","recommendedTreatment":"Iodine-125 plaque brachytherapy","recommendedTreatmentCode":"PLAQUE_BRACHYTHERAPY",
                 "treatmentChanged":true,
                 "alternatives":[{"treatment":"Proton beam radiotherapy","treatmentCode":"PROTON_THERAPY","benefits":"Eye preserved, similar tumour control","risks":"Radiation retinopathy"},
                                 {"treatment":"Enucleation","treatmentCode":"ENUCLEATION","benefits":"Definitive local control","risks":"Loss of the eye"}],
                 "waitAndSee":"No: the tumour should be treated within weeks","clinicalTrials":["NCT02068586"],"surgeryNecessary":"NO",
                 "surgeryRationale":"For a medium tumour survival after brachytherapy equals enucleation (COMS)",
                 "prognosis":"Five-year survival about 80 %; vision depends on the distance to the optic disc",
                 "whyDifferent":"Enucleation is for large tumours; this one is medium-sized","testsToAdd":[],"testsToStop":[],"medications":[],
                 "testsToAddCoded":[{"code":"LIVER_MRI","text":"Liver MRI for staging"},
                                    {"code":"TUMOUR_GENE_EXPRESSION_PROFILE","text":"Gene expression profiling of the tumour"}]}""";
        Map<String, String> answers = Map.of("DIAGNOSIS_CORRECT", "Yes, the imaging is typical of a choroidal melanoma",
                "ALTERNATIVES", "Plaque brachytherapy or proton beam therapy preserve the eye",
                "SURGERY_NECESSARY", "No: removing the eye is not needed for a tumour of this size",
                "own", "Probablemente en parte: la mayoría conserva una visión útil durante años tras la braquiterapia.");
        List<String> reports = new ArrayList<>();
        for (Expert expert : List.of(HENRY, JAVIER, KATE)) {
            reports.add(expert.report(caseId, content, answers));
        }

        // full agreement, compared by code
        JsonNode consolidation = Eventually.value("a consolidation of the three reports", () -> {
            JsonNode c = doctor.get("/api/v1/cases/" + caseId + "/consolidation").json(200);
            return c.path("reports").asInt() == 3 ? c : null;
        });
        assertThat(consolidation.path("differing")).as("nothing differs: " + consolidation).isEmpty();
        Map<String, JsonNode> points = pointsOf(consolidation);
        for (String point : List.of("recommendedTreatment", "diagnosis", "alternatives", "testsToAdd")) {
            assertThat(points.get(point).path("outcome").asText()).as(point + ": " + points.get(point)).isEqualTo("AGREED");
            assertThat(points.get(point).path("basis").asText()).as(point).isEqualTo("CODE");
        }
        assertThat(points.get("surgeryNecessary").path("outcome").asText()).isEqualTo("AGREED");
        assertThat(points.get("recommendedTreatment").path("positions").toString()).contains("PLAQUE_BRACHYTHERAPY");
        assertThat(points.get("recommendedTreatment").path("positions")).hasSize(3);

        // the doctor approves the three and releases; AJ reads his summary in Spanish
        for (String report : reports) {
            doctor.post("/api/v1/reports/" + report + "/approval").expect(200);
        }
        Scene.awaitState(doctor, caseId, "REPORT_READY");
        doctor.post("/api/v1/cases/" + caseId + "/reports/release").expect(200);
        Scene.awaitState(AJ, caseId, "REPORT_DELIVERED");
        JsonNode summary = Eventually.value("AJ's summary of the released reports", () -> {
            Reply r = AJ.get("/api/v1/cases/" + caseId + "/reports/summary");
            return r.status() == 200 && r.json().path("experts").size() == 3 ? r.json() : null;
        });
        assertThat(summary.path("language").asText()).isEqualTo("es");
        List<String> experts = new ArrayList<>();
        List<String> expertCountries = new ArrayList<>();
        summary.path("experts").forEach(e -> {
            experts.add(e.path("name").asText());
            expertCountries.add(e.path("countryCode").asText());
        });
        assertThat(experts).hasSize(3);
        assertThat(String.join("; ", experts)).contains("Henry Hall", "Javier Jara", "Kate King");
        assertThat(expertCountries).containsExactlyInAnyOrder("US", "US", "ES");
        JsonNode treatment = section(summary, "treatment");
        assertThat(treatment.path("entries")).as("one treatment: " + treatment).hasSize(1);
        assertThat(treatment.path("entries").get(0).path("code").asText()).isEqualTo("PLAQUE_BRACHYTHERAPY");
        assertThat(treatment.path("entries").get(0).path("said").get(0).path("byAll").asBoolean()).as("all three say it").isTrue();
        assertThat(section(summary, "questions").toString()).as("his question in his own words")
                .contains(OWN_QUESTION).doesNotContain(TRANSLATION);

        // the slides go back to the treating hospital
        JsonNode returning = JAVIER.caller().post("/api/v1/specimens/" + specimenId + "/return-shipment",
                "{\"carrier\":\"World Courier\",\"trackingId\":\"WC-BCN-MAD-" + RUN + "\"}").json(200);
        assertThat(returning.path("state").asText()).isEqualTo("RETURN_SHIPPED");
        assertThat(doctor.post("/api/v1/specimens/" + specimenId + "/return").json(200).path("state").asText()).isEqualTo("RETURNED");

        // in-network providers of brachytherapy for acme's members: ops add one (and one of another acme network)
        String providerName = "Hospital Clínic Demo, ocular oncology unit " + RUN;
        String provider = Scene.OPS.post("/api/v1/providers", """
                {"tenant":"acme","kind":"FACILITY","name":"%s","specialty":"ophthalmic-oncology","city":"Barcelona","country":"ES",
                 "languages":["es","ca","en"],"treatments":["PLAQUE_BRACHYTHERAPY","PROTON_THERAPY"],
                 "treatmentsText":"Plaque brachytherapy with iodine-125","networks":["acme-standard"],
                 "latitude":41.3874,"longitude":2.1686}""".formatted(providerName)).json(201).path("id").asText();
        String otherNetwork = Scene.OPS.post("/api/v1/providers", """
                {"tenant":"acme","kind":"FACILITY","name":"Premium Eye Clinic Demo %s","specialty":"ophthalmic-oncology","city":"Madrid","country":"ES",
                 "languages":["es"],"treatments":["PLAQUE_BRACHYTHERAPY"],"networks":["acme-premium"],
                 "latitude":40.4406,"longitude":-3.7190}""".formatted(RUN)).json(201).path("id").asText();
        List<JsonNode> found = providers(doctor, "treatment=PLAQUE_BRACHYTHERAPY&network=acme-standard&latitude="
                + AJ_LATITUDE + "&longitude=" + AJ_LONGITUDE);
        double nearest = 0;
        boolean withoutCoordinates = false;
        JsonNode ours = null;
        for (JsonNode p : found) {
            // the doctor's token confines the search to acme; the network and the treatment are the search's
            assertThat(p.path("tenant").asText()).as("only acme's providers: " + p).isEqualTo("acme");
            assertThat(texts(p.path("networks"))).as(p.toString()).contains("acme-standard");
            assertThat(texts(p.path("treatments"))).as(p.toString()).contains("PLAQUE_BRACHYTHERAPY");
            if (p.path("distanceKm").isNumber()) {
                assertThat(withoutCoordinates).as("providers without coordinates come last: " + p).isFalse();
                assertThat(p.path("distanceKm").asDouble()).as("nearest first: " + p).isGreaterThanOrEqualTo(nearest);
                nearest = p.path("distanceKm").asDouble();
            } else {
                withoutCoordinates = true;
            }
            if (provider.equals(p.path("id").asText())) {
                ours = p;
            }
            assertThat(p.path("id").asText()).as("a provider outside the acme-standard network").isNotEqualTo(otherNetwork);
        }
        assertThat(ours).as("the new provider is found in acme-standard").isNotNull();
        assertThat(ours.path("name").asText()).isEqualTo(providerName);
        // Madrid to Barcelona, great-circle: about 505 km
        assertThat(ours.path("distanceKm").asDouble()).isBetween(490.0, 520.0);

        // the doctor discusses the opinions, records AJ's choice of that provider, and closes the case
        doctor.post("/api/v1/cases/" + caseId + "/discussion",
                "{\"summary\":\"Discussed the three opinions with AJ; he chooses plaque brachytherapy.\"}").expect(200);
        doctor.post("/api/v1/cases/" + caseId + "/follow-ups", "{\"daysAfterReport\":[30,90]}").expect(200, 201);
        JsonNode followUps = doctor.get("/api/v1/cases/" + caseId + "/follow-ups").json(200);
        assertThat(followUps).hasSize(2);
        String followUp = followUps.get(0).path("id").asText();
        JsonNode outcome = Eventually.value("case-service knows provider " + provider, () -> {
            // case-service learns of the provider from specialist-service's provider-changed event
            Reply r = doctor.post("/api/v1/cases/" + caseId + "/follow-ups/" + followUp + "/outcome", """
                    {"treatmentChosen":"Iodine-125 plaque brachytherapy","treatmentCode":"PLAQUE_BRACHYTHERAPY","opinionFollowed":"YES",
                     "providerId":"%s","notes":"Booked for next week"}""".formatted(provider));
            if (r.status() == 422 && r.text().contains("providerId")) {
                return null;
            }
            return r.json(200);
        });
        assertThat(outcome.path("providerId").asText()).isEqualTo(provider);
        assertThat(outcome.path("treatmentCode").asText()).isEqualTo("PLAQUE_BRACHYTHERAPY");
        assertThat(outcome.path("opinionFollowed").asText()).isEqualTo("YES");
        doctor.post("/api/v1/cases/" + caseId + "/close").expect(200);
        Scene.awaitState(AJ, caseId, "CLOSED");
    }

    /** Every page of a provider search (the directory grows with every run). */
    private static List<JsonNode> providers(Caller caller, String query) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = caller.get("/api/v1/providers?" + query + "&size=100&page=" + page).json(200);
            answer.path("items").forEach(all::add);
            if (answer.path("items").size() < 100 || all.size() >= answer.path("total").asLong()) {
                return all;
            }
        }
    }

    private static List<JsonNode> invitationsOf(Expert expert, String caseId) {
        List<JsonNode> mine = new ArrayList<>();
        for (JsonNode i : expert.caller().get("/api/v1/invitations?size=100").json(200).path("items")) {
            if (caseId.equals(i.path("caseId").asText())) {
                mine.add(i);
            }
        }
        return mine;
    }

    /** The panel's invitations by the invited specialist's subject (one each: a specialist is invited once per case). */
    private static Map<String, JsonNode> bySubject(JsonNode invitations) {
        Map<String, JsonNode> by = new HashMap<>();
        for (JsonNode i : invitations) {
            assertThat(by.put(i.path("specialistSubject").asText(), i)).as("invited twice: " + i).isNull();
        }
        return by;
    }

    /** The directory's countries of the invited specialists, as ops read their entries. */
    private static List<String> countriesOf(Iterable<JsonNode> invitations, String field) {
        List<String> countries = new ArrayList<>();
        for (JsonNode i : invitations) {
            JsonNode entry = Scene.OPS.get("/api/v1/specialists/" + i.path("specialistId").asText()).json(200);
            JsonNode value = entry.path(field);
            if (value.isArray()) {
                assertThat(value).as(field + " of " + entry.path("name")).hasSize(1);
                countries.add(value.get(0).asText());
            } else {
                countries.add(value.asText());
            }
        }
        return countries;
    }

    private static String subject(Expert expert) {
        return expert.caller().subject();
    }

    /** The checklist's item of this code; a missing node (never null, so a wait's condition just fails) if none. */
    private static JsonNode item(JsonNode checklist, String code) {
        for (JsonNode i : checklist.path("items")) {
            if (code.equals(i.path("code").asText())) {
                return i;
            }
        }
        return MissingNode.getInstance();
    }

    /** The checklist's item of this id; a missing node if none. */
    private static JsonNode itemById(JsonNode checklist, String id) {
        for (JsonNode i : checklist.path("items")) {
            if (id.equals(i.path("id").asText())) {
                return i;
            }
        }
        return MissingNode.getInstance();
    }

    private static JsonNode section(JsonNode summary, String key) {
        for (JsonNode s : summary.path("sections")) {
            if (key.equals(s.path("key").asText())) {
                return s;
            }
        }
        throw new AssertionError("no section " + key + " in " + summary);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Instant instant(JsonNode node, String field) {
        assertThat(node.path(field).isTextual()).as(field + " of " + node).isTrue();
        return Instant.parse(node.path(field).asText());
    }

    /** The consolidation's points by name. */
    private static Map<String, JsonNode> pointsOf(JsonNode consolidation) {
        Map<String, JsonNode> points = new HashMap<>();
        consolidation.path("points").forEach(p -> points.put(p.path("point").asText(), p));
        return points;
    }
}
