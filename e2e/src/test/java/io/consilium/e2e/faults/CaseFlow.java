package io.consilium.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.consilium.e2e.Caller;
import io.consilium.e2e.Records;
import io.consilium.e2e.Reply;
import io.consilium.e2e.Suite;

import java.time.Instant;
import java.util.Map;

/**
 * One case walked from intake to CLOSED through every service while faults happen: the patient opens, submits and
 * consents; the personal doctor asks for a record, which the patient uploads; the doctor completes the records and
 * asks for a one-seat panel; the specialist accepts, writes and submits; the doctor approves, releases and closes.
 * <p>
 * The walk is driven by the state the suite reports, not by a script: each turn reads the case and takes the step
 * that state calls for, so an answer lost to a fault (a refused connection, a 502 while a service restarts, a
 * timeout) is simply tried again on the next turn, and a step that did take effect shows in the next read. Every
 * POST of a step carries the same Idempotency-Key on every try, so a retried step the suite did apply is answered
 * from the gateway's store instead of being applied twice.
 */
final class CaseFlow {

    enum Outcome { CLOSED, STUCK }

    /*
     * How long a walker waits between turns. Every turn reads the case as the patient, and each clinical read is
     * audited (an access-recorded event through the outbox, Kafka and back): at the long form's rate a few hundred
     * walkers polling every 400 ms would be most of the load, so it polls less often (faults.sh --poll).
     */
    private static final long POLL_MILLIS = Long.getLong("faults.poll", 400);

    /*
     * Reads go to the services' own ports, writes through the gateway. The gateway limits each user to a few
     * hundred calls a minute, and a fault run is one patient, one doctor and one specialist walking many cases
     * at once: its polling would be throttled, not tested. Every step that changes something still passes the
     * gateway (routing, Idempotency-Key, the breaker) while it and the services are killed.
     */
    private static final String CASES = Suite.SERVICES.get("case-service");
    private static final String DOCUMENTS = Suite.SERVICES.get("document-service");
    private static final String SPECIALISTS = Suite.SERVICES.get("specialist-service");
    private static final String REPORTS = Suite.SERVICES.get("report-service");

    private final FaultScene scene;
    private final Caller patient;
    private final String key;
    private String caseId;
    private String lastState = "none";
    private boolean consented;
    private boolean uploaded;
    private boolean reviewRequested;
    private Caller expert;
    private int transientFailures;
    private int rateLimited;
    private final Map<String, Integer> generations = new java.util.HashMap<>();
    private Instant started;
    private Instant finished;

    CaseFlow(FaultScene scene, Caller patient, String key) {
        this.scene = scene;
        this.patient = patient;
        this.key = key;
    }

    String caseId() {
        return caseId;
    }

    String lastState() {
        return lastState;
    }

    int transientFailures() {
        return transientFailures;
    }

    int rateLimited() {
        return rateLimited;
    }

    /** From the first turn to the turn that saw the case CLOSED; null for a case that never closed. */
    java.time.Duration walked() {
        return finished == null ? null : java.time.Duration.between(started, finished);
    }

    /** Walks the case until it is CLOSED or {@code deadline} passes. */
    Outcome run(Instant deadline) {
        started = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            try {
                if (step()) {
                    finished = Instant.now();
                    return Outcome.CLOSED;
                }
            } catch (AssertionError | RuntimeException e) {
                transientFailures++; // the suite did not answer (a fault): the next turn tries again
            }
            Faults.sleep(POLL_MILLIS);
        }
        return Outcome.STUCK;
    }

    /** One turn: reads the case and takes the step its state calls for; true once the case is closed. */
    private boolean step() {
        if (caseId == null) {
            Reply opened = post(patient, "/api/v1/cases", "open", scene.caseBody(patient));
            if (opened.status() == 201) {
                caseId = opened.json().path("id").asText();
            }
            return false;
        }
        JsonNode theCase = patient.get(CASES + "/api/v1/cases/" + caseId).json(200);
        lastState = theCase.path("state").asText();
        Caller doctor = theCase.path("managerId").isTextual() ? scene.doctor(theCase.path("managerId").asText()) : null;
        String c = "/api/v1/cases/" + caseId;
        switch (lastState) {
            case "DRAFT" -> post(patient, c + "/submit", "submit", null);
            case "SUBMITTED" -> consent();
            case "MANAGER_ASSIGNED" -> {
                consent();
                post(doctor, c + "/records-requests", "records-request",
                        "{\"items\":[{\"code\":\"PATHOLOGY_REPORT\",\"label\":\"Biopsy pathology report\",\"required\":true}]}");
            }
            case "COLLECTING_RECORDS" -> collectRecords(doctor, c);
            case "READY_FOR_REVIEW" -> review(doctor, c);
            case "IN_REVIEW" -> report(doctor);
            case "REPORT_READY" -> post(doctor, c + "/reports/release", "release", null);
            case "REPORT_DELIVERED" -> post(doctor, c + "/close", "close", null);
            case "CLOSED" -> {
                return true;
            }
            default -> throw new IllegalStateException("case " + caseId + " in " + lastState + ", which the fault run never asks for");
        }
        return false;
    }

    private void consent() {
        if (!consented) {
            int status = post(patient, "/api/v1/cases/" + caseId + "/consents", "consent",
                    "{\"purpose\":\"RECORDS_TO_SPECIALISTS\",\"countries\":[\"DE\"]}").status();
            consented = status == 201;
        }
    }

    private void collectRecords(Caller doctor, String c) {
        JsonNode documents = doctor.get(DOCUMENTS + c + "/documents").json(200);
        int listed = documents.path("items").isArray() ? documents.path("items").size() : documents.size();
        if (listed == 0) {
            if (!uploaded) {
                Records.upload(patient, caseId, "PATHOLOGY_REPORT", "pathology.pdf", "application/pdf", scene.pdf());
                uploaded = true;
            }
            return; // document-service lists it once scanned
        }
        post(doctor, c + "/records-complete", "records-complete",
                "{\"overrideReason\":\"Fault run: the pathology report is enough to start\"}");
    }

    private void review(Caller doctor, String c) {
        if (!reviewRequested) {
            int status = post(doctor, c + "/review-requests", "review-request", "{\"panelSize\":1}").status();
            reviewRequested = status == 200 || status == 409;
            return;
        }
        String invited = invitationOf("INVITED");
        if (invited != null) {
            Caller expert = scene.specialist(invited);
            for (JsonNode invitation : expert.get(SPECIALISTS + "/api/v1/invitations?size=100").json(200).path("items")) {
                if (caseId.equals(invitation.path("caseId").asText()) && "INVITED".equals(invitation.path("state").asText())) {
                    post(expert, "/api/v1/invitations/" + invitation.path("id").asText() + "/accept", "accept", null);
                }
            }
        }
    }

    /** The subject of the panel's invitation in {@code state}, as ops read the panel; null while there is none. */
    private String invitationOf(String state) {
        Reply panel = scene.ops().get(SPECIALISTS + "/api/v1/cases/" + caseId + "/panel");
        if (panel.status() != 200) {
            return null; // specialist-service has not yet read the review request
        }
        for (JsonNode invitation : panel.json().path("invitations")) {
            if (state.equals(invitation.path("state").asText())) {
                return invitation.path("specialistSubject").asText();
            }
        }
        return null;
    }

    private void report(Caller doctor) {
        if (expert == null) {
            String accepted = invitationOf("ACCEPTED");
            if (accepted == null) {
                return;
            }
            expert = scene.specialist(accepted);
        }
        JsonNode reports = expert.get(REPORTS + "/api/v1/cases/" + caseId + "/reports").json(200);
        if (reports.isEmpty()) {
            return; // report-service opens the draft from the panel's event
        }
        JsonNode report = reports.get(0);
        String r = "/api/v1/reports/" + report.path("id").asText();
        switch (report.path("state").asText()) {
            case "DRAFT", "CHANGES_REQUESTED" -> {
                JsonNode draft = expert.get(REPORTS + r).json(200);
                expert.put(r + "/draft", scene.reportBody(draft)).expect(200);
                post(expert, r + "/submit", "submit-report", null);
            }
            case "SUBMITTED" -> post(doctor, r + "/approval", "approve", null);
            default -> {
            }
        }
    }

    /**
     * A step's POST, with the step's own Idempotency-Key on every try: an answer lost to a fault (a 5xx, which the
     * gateway does not keep, or no answer at all) is asked for again with the same key. A kept 4xx answer would be
     * replayed for that key forever, so after one the step's next try takes a new key; the gateway's "still in
     * flight" 409 (with Retry-After) keeps the key, as its first request may yet be applied.
     */
    private Reply post(Caller caller, String path, String step, String json) {
        byte[] body = json == null ? null : json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int generation = generations.getOrDefault(step, 0);
        Reply reply = caller.send("POST", path, json == null ? null : "application/json", body,
                Map.of("Idempotency-Key", key + "-" + step + "-" + generation));
        if (reply.status() == 429) {
            rateLimited++;
            Faults.sleep(1000 * Math.min(5, Long.parseLong(reply.header("Retry-After").orElse("1"))));
            return reply;
        }
        boolean inFlight = reply.status() == 409 && reply.header("Retry-After").isPresent();
        if (reply.status() >= 400 && reply.status() < 500 && !inFlight) {
            generations.put(step, generation + 1);
        }
        return reply;
    }
}
