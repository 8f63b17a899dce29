package io.consilium.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.consilium.e2e.Caller;
import io.consilium.e2e.Eventually;
import io.consilium.e2e.Records;
import io.consilium.e2e.Reply;
import io.consilium.e2e.Suite;

import java.util.List;

/**
 * The people of the fault run, all of tenant globex so that the run's counts are not mixed with the stories' acme
 * cases: the run's own patients and urology specialists ({@link FaultPeople}; the patients on globex's "Faults"
 * plan, the specialists in the directory for the run) and dr-david, globex's personal doctor.
 */
final class FaultScene {

    static final String TENANT = "globex";

    private final Caller ops = Caller.user("olivia");
    private final Caller partner = Caller.partner("partner-globex");
    private List<Caller> patients = List.of();
    private final Caller doctor = Caller.user("dr-david");
    private final FaultPeople people = new FaultPeople();
    private final List<Caller> doctors = new java.util.ArrayList<>();
    private final java.util.Map<Caller, String> directory = new java.util.LinkedHashMap<>();
    private final byte[] pdf = Records.pdf("Pathology report", "Prostate biopsy: adenocarcinoma, Gleason 3+4");

    /** The patient of the run's {@code n}th case: in turn, so that no patient's calls come faster than the rest. */
    Caller patient(int n) {
        return patients.get(n % patients.size());
    }

    /** The personal doctor case-service assigned, by the case's {@code managerId}. */
    Caller doctor(String managerId) {
        return people.bySubject(managerId);
    }

    List<Caller> doctors() {
        return List.copyOf(doctors);
    }

    List<Caller> patients() {
        return patients;
    }

    List<Caller> specialists() {
        return List.copyOf(directory.keySet());
    }



    Caller partner() {
        return partner;
    }

    byte[] pdf() {
        return pdf;
    }

    void setUp(String run, int cases, double rate) {
        retireEarlierRuns();
        patients = people.patients(run, cases + 2);
        ops.post("/api/v1/plans", """
                {"tenant":"globex","name":"Faults","coveredSpecialties":["urology"],"opinionsPerMemberPerYear":100,
                 "allowedSpecialistCountries":["DE","ES","US"],"recordsSlaBusinessDays":5,"reviewSlaBusinessDays":10,
                 "maxPanelSize":3,"active":true}""").expect(201, 409);
        StringBuilder roster = new StringBuilder("memberId,plan,validFrom,validTo\n");
        patients.forEach(p -> roster.append(p.claim("memberId")).append(",Faults,2026-01-01,\n"));
        partner.post("/api/v1/roster", "text/csv", roster.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .expect(200, 201, 202);
        doctors.add(doctor);
        doctors.addAll(people.doctors(run, rate));
        for (Caller d : doctors) {
            ops.put("/api/v1/case-managers/" + d.subject(), team(d, true)).expect(200, 201);
        }
        for (Caller specialist : people.specialists(run, cases + 2, rate)) {
            Reply entry = ops.post("/api/v1/specialists", directoryEntry(specialist, true)).expect(201);
            directory.put(specialist, entry.json().path("id").asText());
        }
    }

    /** The run's doctors leave globex's team and its specialists the directory (inactive): the next run has its own. */
    void tearDown() {
        // right after the run's last fault (PostgreSQL restarted) a service's first request on a pooled connection
        // that died with the server can still fail: the clean-up waits for each answer instead of giving up
        doctors.stream().filter(d -> d != doctor).forEach(d -> Eventually.value("doctor " + d + " leaves the team", () ->
                ops.put("/api/v1/case-managers/" + d.subject(), team(d, false)).status() == 200 ? Boolean.TRUE : null));
        directory.forEach((specialist, id) -> Eventually.value("specialist " + specialist + " leaves the directory", () -> {
            String path = "/api/v1/specialists/" + id;
            Reply current = ops.get(path);
            if (current.status() != 200) {
                return null;
            }
            String etag = current.header("ETag").orElseThrow();
            int status = ops.send("PUT", path, "application/json",
                    directoryEntry(specialist, false).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    java.util.Map.of("If-Match", etag)).status();
            return status == 200 ? Boolean.TRUE : null;
        }));
    }

    /**
     * An earlier run that died before its clean-up left its doctors and specialists active, and they may live in
     * another Keycloak (a CI clone shares this PostgreSQL cluster but starts its own realm): cases matched or
     * assigned to them could never be walked. They leave first, found by the names this class gives them.
     */
    private void retireEarlierRuns() {
        for (com.fasterxml.jackson.databind.JsonNode m : ops.get("/api/v1/case-managers?tenant=globex").json(200)) {
            if (m.path("active").asBoolean() && m.path("name").asText().startsWith("Dr. faults-")) {
                ops.put("/api/v1/case-managers/" + m.path("subject").asText(), """
                        {"tenant":"globex","name":"%s","languages":["en","es"],"capacity":1000,"active":false}"""
                        .formatted(m.path("name").asText())).expect(200);
            }
        }
        for (com.fasterxml.jackson.databind.JsonNode e : ops.get("/api/v1/specialists?institution=Fault%20Run%20Clinic&active=true&size=100")
                .json(200).path("items")) {
            String path = "/api/v1/specialists/" + e.path("id").asText();
            String etag = ops.get(path).expect(200).header("ETag").orElseThrow();
            ops.send("PUT", path, "application/json", """
                    {"subject":"%s","name":"%s","specialty":"urology","subspecialties":["uro-oncology"],"conditions":["C60-C63"],
                     "languages":["en","de"],"licenceCountries":["DE"],"practiceCountry":"DE","institution":"Fault Run Clinic",
                     "monthlyCapacity":1000,"currentLoad":0,"turnaroundDays":1.0,"active":false}"""
                    .formatted(e.path("subject").asText(), e.path("name").asText()).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    java.util.Map.of("If-Match", etag)).expect(200);
        }
    }

    private String team(Caller d, boolean active) {
        return """
                {"tenant":"globex","name":"%s","languages":["en","es"],"capacity":1000,"active":%s}"""
                .formatted(d == doctor ? "Dr. David Diaz" : "Dr. " + d.name(), active);
    }

    private static String directoryEntry(Caller specialist, boolean active) {
        return """
                {"subject":"%s","name":"Dr. %s","specialty":"urology","subspecialties":["uro-oncology"],"conditions":["C60-C63"],
                 "languages":["en","de"],"licenceCountries":["DE"],"practiceCountry":"DE","institution":"Fault Run Clinic",
                 "monthlyCapacity":1000,"currentLoad":0,"turnaroundDays":1.0,"active":%s}"""
                .formatted(specialist.subject(), specialist.name(), active);
    }

    /** The specialist a panel names, by subject. */
    Caller specialist(String subject) {
        return people.bySubject(subject);
    }

    Caller ops() {
        return ops;
    }

    String caseBody(Caller patient) {
        return """
                {"memberId":"%s","patient":{"name":"Fault Patient","preferredLanguage":"en","countryOfResidence":"ES"},
                 "reasons":["CONFIRM_DIAGNOSIS"],"diagnosis":{"text":"Localised prostate cancer","icd10Code":"C61"},
                 "proposedTreatment":"Radical prostatectomy","requestedSpecialty":"urology","urgency":"ROUTINE",
                 "questions":["DIAGNOSIS_CORRECT","SURGERY_NECESSARY"]}""".formatted(patient.claim("memberId"));
    }

    /** The expert's report for a draft: every question of the draft answered. */
    String reportBody(JsonNode draft) {
        ObjectNode body = (ObjectNode) Suite.parse("""
                {"diagnosisAssessment":"REFINED","diagnosis":"Adenocarcinoma of the prostate, Gleason 3+4","diagnosisIcd10":"C61",
                 "recommendedTreatment":"Active surveillance","treatmentChanged":true,
                 "alternatives":[{"treatment":"Radical prostatectomy","benefits":"Definitive","risks":"Incontinence"}],
                 "waitAndSee":"Reasonable with PSA every six months","clinicalTrials":[],"surgeryNecessary":"NO",
                 "surgeryRationale":"Low-risk disease progresses slowly","prognosis":"Excellent","whyDifferent":"Grading reviewed",
                 "testsToAdd":["Multiparametric MRI"],"testsToStop":[],"medications":[]}""");
        ArrayNode answers = body.putArray("answers");
        for (JsonNode q : draft.path("questions")) {
            answers.addObject().put("questionCode", q.path("questionId").asText()).put("text", "Answered in the fault run");
        }
        return body.toString();
    }
}
