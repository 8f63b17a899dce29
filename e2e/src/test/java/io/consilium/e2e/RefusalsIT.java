package io.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18's refusals through the whole suite, every call through the gateway with a real Keycloak token: a member
 * not on the roster; another patient (and a personal doctor not assigned) reading AJ's case, its records, report,
 * summary and notifications, directly and through every gateway aggregate; the specialist who declined the case;
 * partner-acme without, then with, then again without the patient's REPORT_TO_PARTNER consent; partner-globex
 * reading anything of acme's. Each refusal is asserted with its status, as problem+json, and with a body that holds
 * none of the case's secrets.
 *
 * <p>One case is built for all of them: partner-acme opens AJ's (an intraocular tumour), AJ adds his own question
 * and consents to the records going to specialists, the personal doctor asks for imaging and AJ uploads a PDF; one
 * ophthalmic-oncology seat, whose first invitee declines and whose refill accepts and reports; the doctor approves
 * and releases. Every free text of the case carries this run's marker ({@link #RUN}), so "nothing leaked" is checked
 * against words that exist nowhere else, and the same paths are read by AJ first, so no refusal here is merely a
 * path nobody may read.
 */
class RefusalsIT {

    static final Caller AJ = Caller.user("aj");
    static final Caller LEE = Caller.user("lee");
    static final Caller ALICE = Caller.user("alice");
    static final Caller BOB = Caller.user("bob");
    /** The specialists of the realm: whoever the one seat's ranking invites first declines. */
    static final List<String> SPECIALISTS = List.of("prof-henry", "prof-iris", "dr-javier", "prof-kate", "prof-eva",
            "dr-felix", "dr-grace");

    static final String RUN = "run" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    static final String DIAGNOSIS = "Choroidal melanoma of the left eye, 11 mm (dx-" + RUN + ")";
    static final String PROPOSED = "Enucleation of the left eye (rx-" + RUN + ")";
    static final String OWN_QUESTION = "Will I keep the sight of my left eye (own-" + RUN + ")";
    static final String RECORD_TEXT = "Ocular ultrasound: dome-shaped choroidal mass record-" + RUN;
    static final String REPORT_DIAGNOSIS = "Medium-sized choroidal melanoma without extrascleral extension (report-" + RUN + ")";
    static final String OWN_ANSWER = "Most patients keep useful sight for some years after brachytherapy (answer-" + RUN + ")";
    static final String NAME = "Antonio";
    static final String EMAIL = "aj@example.org";
    static final String TREATING_DOCTOR = "Dr. Ruiz-" + RUN;

    static PartnerReceiver acmeHooks;
    static String caseId;
    static String memberId;
    static String documentId;
    static String reportId;
    static String declinedInvitation;
    static String inboxItem;
    static String message;
    static Caller doctor;
    static Caller otherDoctor;
    static Expert declined;
    static Expert reporter;

    @BeforeAll
    static void aReleasedCaseWithRecordsAndADecline() throws Exception {
        Scene.ready();
        acmeHooks = PartnerReceiver.start(Scene.ACME);
        memberId = Scene.memberOf("aj");

        caseId = Scene.ACME.post("/api/v1/cases", """
                {"memberId":"%s","patient":{"name":"Antonio Jiménez","email":"%s","preferredLanguage":"en","countryOfResidence":"ES"},
                 "reasons":["CONFIRM_DIAGNOSIS","SURGERY_OR_LIFELONG_CONSEQUENCES"],"diagnosis":{"text":"%s","icd10Code":"C69.3"},
                 "proposedTreatment":"%s","treatingDoctor":{"name":"%s","institution":"Hospital Universitario Demo","country":"ES"},
                 "requestedSpecialty":"ophthalmic-oncology","urgency":"ROUTINE","questions":["DIAGNOSIS_CORRECT"]}"""
                .formatted(memberId, EMAIL, DIAGNOSIS, PROPOSED, TREATING_DOCTOR)).json(201).path("id").asText();
        AJ.get("/api/v1/cases").expect(200); // links his account to the case by his token's member id
        AJ.putIfMatch("/api/v1/cases/" + caseId + "/questions", "/api/v1/cases/" + caseId, """
                {"reasons":["CONFIRM_DIAGNOSIS","SURGERY_OR_LIFELONG_CONSEQUENCES"],"questions":["DIAGNOSIS_CORRECT","SURGERY_NECESSARY"],
                 "ownQuestions":[{"text":"%s"}]}""".formatted(OWN_QUESTION)).expect(200);
        AJ.post("/api/v1/cases/" + caseId + "/submit").expect(200);
        AJ.post("/api/v1/cases/" + caseId + "/consents", "{\"purpose\":\"RECORDS_TO_SPECIALISTS\",\"countries\":[\"US\",\"ES\"]}").expect(201);

        doctor = Scene.doctorOf(Eventually.value("a personal doctor on case " + caseId, () -> {
            JsonNode c = Scene.OPS.get("/api/v1/cases/" + caseId).json(200);
            return c.path("managerId").isTextual() ? c : null;
        }));
        otherDoctor = Caller.user(doctor.name().equals("dr-carla") ? "dr-david" : "dr-carla");
        doctor.post("/api/v1/cases/" + caseId + "/records-requests",
                "{\"items\":[{\"code\":\"IMAGING\",\"label\":\"Ocular ultrasound\",\"required\":true}]}").expect(200, 201);
        documentId = Records.upload(AJ, caseId, "IMAGING", "ocular-ultrasound.pdf", "application/pdf",
                Records.pdf("Hospital Universitario Demo - Ophthalmology", RECORD_TEXT));
        Checklist.await(doctor, caseId, "the upload received", c -> Checklist.count(c, "RECEIVED") + Checklist.count(c, "ACCEPTED") >= 1);
        Checklist.settle(doctor, caseId, "Imaging is diagnostic for this tumour");
        Checklist.complete(doctor, caseId);

        // one seat: its first invitee reads the short summary (which an invitee may), then declines; the seat is
        // refilled from its own candidates, and that specialist accepts and reports
        doctor.post("/api/v1/cases/" + caseId + "/review-requests",
                "{\"seats\":[{\"specialty\":\"ophthalmic-oncology\",\"focus\":\"C69.3\"}]}").expect(200);
        String first = invitee(null);
        declined = new Expert(first);
        declinedInvitation = declined.invitation(caseId, "INVITED").path("id").asText();
        assertThat(declined.caller().get("/api/v1/cases/" + caseId + "/summary").json(200).toString())
                .as("an invitee reads the summary before declining").contains("own-" + RUN);
        declined.decline(caseId, "No capacity before the due date");
        reporter = new Expert(invitee(first));
        reporter.acceptAndReadBrief(caseId);
        assertThat(reporter.caller().get("/api/v1/cases/" + caseId + "/documents").json(200).toString())
                .as("the accepting specialist reads the records").contains(documentId);
        Scene.awaitState(doctor, caseId, "IN_REVIEW");

        reportId = reporter.report(caseId, """
                {"diagnosisAssessment":"REFINED","diagnosis":"%s","diagnosisIcd10":"C69.3",
                 "recommendedTreatment":"Iodine-125 plaque brachytherapy","recommendedTreatmentCode":"PLAQUE_BRACHYTHERAPY","treatmentChanged":true,
                 "alternatives":[{"treatment":"Proton beam radiotherapy","treatmentCode":"PROTON_THERAPY","benefits":"Eye preserved","risks":"Radiation retinopathy"}],
                 "waitAndSee":"No: the tumour should be treated within weeks","clinicalTrials":[],"surgeryNecessary":"NO",
                 "surgeryRationale":"For a medium tumour survival after brachytherapy equals enucleation","prognosis":"Five-year survival about 80 percent",
                 "whyDifferent":"Enucleation is for large tumours","testsToAdd":[],"testsToStop":[],"medications":[],
                 "testsToAddCoded":[{"code":"LIVER_MRI","text":"Liver MRI for staging"}]}""".formatted(REPORT_DIAGNOSIS),
                Map.of("DIAGNOSIS_CORRECT", "Yes, and it is medium-sized", "SURGERY_NECESSARY", "No, removing the eye is not needed",
                        "own", OWN_ANSWER));
        doctor.post("/api/v1/reports/" + reportId + "/approval").expect(200);
        Scene.awaitState(doctor, caseId, "REPORT_READY");
        doctor.post("/api/v1/cases/" + caseId + "/reports/release").expect(200);
        Scene.awaitState(doctor, caseId, "REPORT_DELIVERED");

        inboxItem = Eventually.value("AJ's inbox item about case " + caseId, () -> {
            for (JsonNode item : AJ.get("/api/v1/me/notifications?size=100").json(200).path("items")) {
                if (caseId.equals(item.path("caseId").asText()) && item.path("readAt").isNull()) {
                    return item.path("id").asText();
                }
            }
            return null;
        });
        message = Eventually.value("AJ's message about case " + caseId, () -> {
            for (JsonNode m : AJ.get("/api/v1/me/messages?size=100").json(200).path("items")) {
                if (caseId.equals(m.path("caseId").asText())) {
                    return m.path("id").asText();
                }
            }
            return null;
        });

        // every path the refusals name, as its own reader reads it: none of them is a path that simply does not exist
        for (String path : patientsPaths()) {
            AJ.get(path).expect(200);
        }
        assertThat(AJ.get("/api/v1/cases/" + caseId).text()).contains(DIAGNOSIS, OWN_QUESTION, NAME, memberId);
        assertThat(AJ.get("/api/v1/cases/" + caseId + "/reports").text()).contains(REPORT_DIAGNOSIS, OWN_ANSWER);
        assertThat(AJ.get("/api/v1/cases/" + caseId + "/reports/summary").text()).contains(REPORT_DIAGNOSIS, OWN_QUESTION, OWN_ANSWER);
        assertThat(Records.textOf(AJ.get("/api/v1/documents/" + documentId + "/content").expect(200).body())).contains("record-" + RUN);
        Scene.OPS.get(casePath("/panel")).expect(200);
    }

    @AfterAll
    static void removeReceiver() {
        if (acmeHooks != null) {
            acmeHooks.close();
        }
    }

    /** The case's paths its patient reads, with its records' and its report's. */
    static List<String> patientsPaths() {
        return List.of(casePath(""), casePath("/timeline"), casePath("/sla"), casePath("/consents"), casePath("/messages"),
                casePath("/access-log"), casePath("/follow-ups"), casePath("/share-links"),
                casePath("/documents"), "/api/v1/documents/" + documentId, "/api/v1/documents/" + documentId + "/content",
                casePath("/checklist"), casePath("/specimens"), casePath("/imaging"),
                casePath("/reports"), "/api/v1/reports/" + reportId, "/api/v1/reports/" + reportId + "/pdf?kind=summary",
                "/api/v1/reports/" + reportId + "/pdf?kind=full", "/api/v1/reports/" + reportId + "/versions",
                "/api/v1/reports/" + reportId + "/versions/1", "/api/v1/reports/" + reportId + "/follow-up-questions",
                "/api/v1/reports/" + reportId + "/fhir", casePath("/reports/summary"), casePath("/reports/summary.pdf"), casePath("/consolidation"), casePath("/fhir"),
                casePath("/overview"));
    }

    static String casePath(String rest) {
        return "/api/v1/cases/" + caseId + rest;
    }

    /** Everything of the case nobody outside it may read: its free texts (all carry the run's marker) and who it is. */
    static String[] secrets() {
        return new String[]{RUN, NAME, "Jim\u00e9nez", EMAIL, memberId};
    }

    @Test
    void aMemberNotOnTheRosterIsRefusedAndNothingIsStored() {
        String stranger = "M-NR-" + RUN;
        JsonNode problem = Scene.ACME.post("/api/v1/cases", """
                {"memberId":"%s","patient":{"name":"Nora Nobody-%s","preferredLanguage":"en","countryOfResidence":"DE"},
                 "reasons":["CONFIRM_DIAGNOSIS"],"diagnosis":{"text":"Rash %s","icd10Code":"L50.9"},
                 "requestedSpecialty":"dermatology","urgency":"ROUTINE","questions":["DIAGNOSIS_CORRECT"]}"""
                .formatted(stranger, RUN, RUN)).problem(422);
        assertThat(problem.path("reason").asText()).isEqualTo("NOT_IN_ROSTER");
        assertThat(problem.toString()).doesNotContain("Nora", "Rash");

        for (JsonNode c : Scene.ACME.get("/api/v1/cases?size=100").json(200).path("items")) {
            assertThat(c.path("memberId").asText()).as("a case stored for the refused member: " + c).isNotEqualTo(stranger);
        }
        Scene.ACME.get("/api/v1/roster/" + stranger).problem(404);
    }

    @Test
    void anotherPatientOrDoctorReadsNothingOfTheCaseDirectlyOrThroughAnAggregate() {
        for (Caller other : List.of(LEE, ALICE, BOB)) {
            for (String path : patientsPaths()) {
                refused(other.get(path), 404);
            }
            // paths for other roles: refused by role before any case is looked at
            refused(other.get(casePath("/summary")), 403);
            refused(other.get(casePath("/panel")), 403);
            // AJ's own notifications: his inbox item cannot be marked read by another, his e-mail not read
            refused(other.post("/api/v1/me/notifications/" + inboxItem + "/read"), 404);
            refused(other.get("/api/v1/me/messages/" + message), 404);
            assertThat(other.get("/api/v1/me/notifications?size=100").json(200).toString()).doesNotContain(caseId);
            assertThat(other.get("/api/v1/me/messages?size=100").json(200).toString()).doesNotContain(caseId);
            // the aggregates: the home lists only the caller's own cases, the dashboard is for ops
            Reply home = other.get("/api/v1/me/home?size=100").expect(200);
            assertThat(home.text()).as(home.toString()).doesNotContain(caseId).doesNotContain(secrets());
            refused(other.get("/api/v1/ops/dashboard"), 403);
        }
        boolean stillUnread = Eventually.value("AJ's inbox item", () -> {
            for (JsonNode item : AJ.get("/api/v1/me/notifications?size=100").json(200).path("items")) {
                if (inboxItem.equals(item.path("id").asText())) {
                    return item.path("readAt").isNull();
                }
            }
            return null;
        });
        assertThat(stillUnread).as("AJ's item is still unread after the others tried to mark it").isTrue();

        // a personal doctor not assigned to the case
        for (String path : List.of(casePath(""), casePath("/timeline"), casePath("/documents"), "/api/v1/documents/" + documentId,
                casePath("/reports"), "/api/v1/reports/" + reportId, casePath("/reports/summary"), casePath("/consolidation"),
                casePath("/fhir"), casePath("/overview"))) {
            refused(otherDoctor.get(path), 404);
        }
        Reply queue = otherDoctor.get("/api/v1/me/work-queue?size=100").expect(200);
        assertThat(queue.text()).as(queue.toString()).doesNotContain(caseId).doesNotContain(secrets());
        assertThat(doctor.get("/api/v1/me/work-queue?size=100").expect(200).text())
                .as("the case is in its own doctor's queue").contains(caseId);
    }

    @Test
    void theSpecialistWhoDeclinedReadsNothingOfTheCase() {
        Caller me = declined.caller();
        assertThat(me.get("/api/v1/invitations/" + declinedInvitation).json(200).path("state").asText()).isEqualTo("DECLINED");
        for (String path : List.of("/api/v1/invitations/" + declinedInvitation + "/brief", casePath("/summary"),
                casePath("/documents"), "/api/v1/documents/" + documentId, "/api/v1/documents/" + documentId + "/content",
                casePath("/checklist"), casePath("/specimens"), casePath("/imaging"),
                casePath("/reports"), "/api/v1/reports/" + reportId, "/api/v1/reports/" + reportId + "/pdf?kind=full",
                "/api/v1/reports/" + reportId + "/versions", casePath("/consolidation"), casePath("/fhir"))) {
            refused(me.get(path), 404);
        }
        // a summary holds colleagues' reports, and case-service has nothing for specialists: refused by role
        refused(me.get(casePath("/reports/summary")), 403);
        refused(me.get(casePath("/reports/summary.pdf")), 403);
        refused(me.get(casePath("")), 403);
        refused(me.get(casePath("/timeline")), 403);
        refused(me.get(casePath("/overview")), 403);
        // what is still theirs (the declined invitation, their inbox and e-mails) names nothing of the case either
        for (String path : List.of("/api/v1/invitations/" + declinedInvitation, "/api/v1/invitations?size=100",
                "/api/v1/me/notifications?size=100", "/api/v1/me/messages?size=100")) {
            Reply own = me.get(path).expect(200);
            assertThat(own.text()).as(own.toString()).doesNotContain(secrets());
        }
    }

    @Test
    void thePartnerReadsClinicalContentOnlyWhileThePatientConsents() {
        Caller acme = Scene.ACME;
        String[] clinical = {RUN, NAME, "Jim\u00e9nez", EMAIL};
        // without consent: the case's metadata, never its intake; no report, summary or record
        assertThat(acme.get(casePath("")).json(200).path("memberId").asText()).isEqualTo(memberId);
        for (String path : List.of(casePath(""), casePath("/timeline"), casePath("/sla"))) {
            Reply metadata = acme.get(path).expect(200);
            assertThat(metadata.text()).as(metadata.toString()).doesNotContain(clinical);
        }
        JsonNode overview = acme.get(casePath("/overview")).json(200);
        assertThat(overview.toString()).doesNotContain(clinical);
        assertThat(overview.path("parts").has("reports")).as("reports part: " + overview).isFalse();
        assertThat(overview.path("withheld").toString()).contains("reports", "checklist");
        for (String path : List.of(casePath("/reports"), "/api/v1/reports/" + reportId, "/api/v1/reports/" + reportId + "/pdf?kind=summary",
                "/api/v1/reports/" + reportId + "/versions", casePath("/reports/summary"), casePath("/reports/summary.pdf"),
                casePath("/consolidation"), casePath("/fhir"))) {
            refused(acme.get(path), 404, clinical);
        }
        for (String path : List.of(casePath("/documents"), "/api/v1/documents/" + documentId,
                "/api/v1/documents/" + documentId + "/content", casePath("/checklist"), casePath("/access-log"), casePath("/messages"))) {
            refused(acme.get(path), 403, clinical);
        }
        assertThat(statisticsLine(acme)).as("the case's outcome in the partner's statistics without consent")
                .containsEntry("outcome_shared", "false").containsEntry("assessment", "");

        // with REPORT_TO_PARTNER: the released report as the partner's copy, never the patient's own words
        String consent = AJ.post(casePath("/consents"), "{\"purpose\":\"REPORT_TO_PARTNER\"}").json(201).path("id").asText();
        try {
            JsonNode reports = Eventually.value("the partner reading the released report", () -> {
                Reply r = acme.get(casePath("/reports"));
                return r.status() == 200 ? r.json() : null;
            });
            assertThat(reports).hasSize(1);
            String[] ownWords = {OWN_QUESTION, "own-" + RUN, OWN_ANSWER, "answer-" + RUN, DIAGNOSIS, "dx-" + RUN,
                    "rx-" + RUN, NAME, EMAIL, TREATING_DOCTOR};
            for (String path : List.of(casePath("/reports"), "/api/v1/reports/" + reportId, casePath("/reports/summary"),
                    casePath("/consolidation"), "/api/v1/reports/" + reportId + "/versions")) {
                Reply copy = acme.get(path).expect(200);
                assertThat(copy.text()).as(copy.toString()).doesNotContain(ownWords);
            }
            assertThat(acme.get("/api/v1/reports/" + reportId).text()).as("the partner's copy").contains(REPORT_DIAGNOSIS);
            String pdf = Records.textOf(acme.get(casePath("/reports/summary.pdf")).expect(200).body()).replaceAll("\\s+", " ");
            assertThat(pdf).contains("report-" + RUN).doesNotContain("own-" + RUN, "answer-" + RUN, "dx-" + RUN);
            refused(acme.get(casePath("/fhir")), 403, ownWords);
            for (String path : List.of(casePath("/documents"), "/api/v1/documents/" + documentId + "/content")) {
                refused(acme.get(path), 403, clinical);
            }
            assertThat(acme.get(casePath("")).text()).doesNotContain(ownWords);
            assertThat(statisticsLine(acme)).containsEntry("outcome_shared", "true").containsEntry("assessment", "REFINED");
        } finally {
            AJ.post(casePath("/consents/" + consent + "/revoke")).expect(200);
        }

        // revoked: refused again
        Eventually.holds("the partner refused again after the revocation", () -> refused(acme.get(casePath("/reports")), 404, clinical));
        refused(acme.get(casePath("/reports/summary")), 404, clinical);
        refused(acme.get("/api/v1/reports/" + reportId), 404, clinical);
        assertThat(statisticsLine(acme)).containsEntry("outcome_shared", "false");
    }

    @Test
    void anotherTenantsPartnerReadsNothingOfAcmesCase() {
        Caller globex = Scene.GLOBEX;
        for (String path : List.of(casePath(""), casePath("/timeline"), casePath("/sla"), casePath("/consents"),
                casePath("/reports"), "/api/v1/reports/" + reportId, "/api/v1/reports/" + reportId + "/pdf?kind=summary",
                "/api/v1/reports/" + reportId + "/versions", casePath("/reports/summary"), casePath("/reports/summary.pdf"),
                casePath("/consolidation"), casePath("/fhir"), casePath("/overview"),
                "/api/v1/webhook-endpoints/" + acmeHooks.endpointId(),
                "/api/v1/webhook-endpoints/" + acmeHooks.endpointId() + "/deliveries")) {
            refused(globex.get(path), 404);
        }
        for (String path : List.of(casePath("/documents"), "/api/v1/documents/" + documentId,
                "/api/v1/documents/" + documentId + "/content", casePath("/checklist"), casePath("/access-log"),
                casePath("/messages"), casePath("/summary"), casePath("/panel"), "/api/v1/ops/dashboard",
                "/api/v1/statistics/cases?tenant=acme&" + period(), "/api/v1/statistics/activity?tenant=acme")) {
            refused(globex.get(path), 403);
        }
        assertThat(globex.get("/api/v1/cases?size=100").expect(200).text()).doesNotContain(caseId);

        // acme's endpoint is listed for acme only
        assertThat(Scene.ACME.get("/api/v1/webhook-endpoints?size=100").expect(200).text()).contains(acmeHooks.endpointId());
        Reply endpoints = globex.get("/api/v1/webhook-endpoints?size=100").expect(200);
        assertThat(endpoints.text()).as(endpoints.toString()).doesNotContain(acmeHooks.endpointId(), "\"acme\"");

        // statistics: globex's own tenant only, acme's case in none of its lines
        assertThat(statisticsLine(Scene.ACME)).as("acme counts its case").isNotEmpty();
        Reply statistics = globex.get("/api/v1/statistics/cases?" + period()).expect(200);
        assertThat(statistics.json().path("tenant").asText()).isEqualTo("globex");
        assertThat(statistics.text()).doesNotContain(caseId).doesNotContain(secrets());
        Reply csv = globex.get("/api/v1/statistics/cases.csv?" + period()).expect(200);
        assertThat(csv.text()).doesNotContain(caseId).doesNotContain(secrets());
    }

    /** {@code reply} is a refusal with {@code status}, as problem+json, naming none of the case's secrets. */
    static void refused(Reply reply, int status) {
        refused(reply, status, secrets());
    }

    static void refused(Reply reply, int status, String... secrets) {
        reply.problem(status);
        assertThat(reply.text()).as(reply.toString()).doesNotContain(secrets);
    }

    /** Three UTC days around today, so a case submitted just before midnight is in. */
    static String period() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
    }

    /** The case's line of the partner's statistics CSV, column by column (empty when the case is not there). */
    static Map<String, String> statisticsLine(Caller partner) {
        String[] lines = partner.get("/api/v1/statistics/cases.csv?" + period()).expect(200).text().split("\r\n");
        String[] columns = lines[0].split(",", -1);
        Map<String, String> line = new LinkedHashMap<>();
        for (String l : lines) {
            String[] cells = l.split(",", -1);
            if (cells[0].equals(caseId)) {
                for (int i = 0; i < columns.length && i < cells.length; i++) {
                    line.put(columns[i], cells[i]);
                }
            }
        }
        return line;
    }

    /**
     * The specialist invited to the case's one seat other than {@code notThisOne}, once specialist-service has
     * invited them, by user name.
     */
    static String invitee(String notThisOne) {
        Map<String, String> bySubject = new LinkedHashMap<>();
        for (String user : SPECIALISTS) {
            bySubject.put(Caller.user(user).subject(), user);
        }
        return Eventually.value("an invitation to case " + caseId + (notThisOne == null ? "" : " besides " + notThisOne), () -> {
            List<String> invited = new ArrayList<>();
            for (JsonNode i : Scene.OPS.get(casePath("/panel")).json(200).path("invitations")) {
                String user = bySubject.get(i.path("specialistSubject").asText());
                if ("INVITED".equals(i.path("state").asText()) && user != null && !user.equals(notThisOne)) {
                    invited.add(user);
                }
            }
            return invited.isEmpty() ? null : invited.get(0);
        });
    }
}
