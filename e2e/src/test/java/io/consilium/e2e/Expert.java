package io.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A specialist's side of a case, through the gateway: the invitation, the brief, the report. */
public final class Expert {

    private final Caller me;

    public Expert(String user) {
        this.me = Caller.user(user);
    }

    public Caller caller() {
        return me;
    }

    /** My invitation to the case in {@code state}, once specialist-service has issued it. */
    public JsonNode invitation(String caseId, String state) {
        return Eventually.value(me + "'s " + state + " invitation to case " + caseId, Duration.ofSeconds(40), () -> {
            for (JsonNode i : me.get("/api/v1/invitations?size=100").json(200).path("items")) {
                if (caseId.equals(i.path("caseId").asText()) && state.equals(i.path("state").asText())) {
                    return i;
                }
            }
            return null;
        });
    }

    /**
     * Reads the short summary an invitation shows, accepts, and returns the full brief (which needs the acceptance
     * to have reached the brief's view).
     */
    public JsonNode acceptAndReadBrief(String caseId) {
        String invitation = invitation(caseId, "INVITED").path("id").asText();
        JsonNode summary = me.get("/api/v1/cases/" + caseId + "/summary").json(200);
        assertThat(summary.path("questions").size()).as("the summary lists the patient's questions").isPositive();
        me.post("/api/v1/invitations/" + invitation + "/accept").expect(200);
        return Eventually.value(me + "'s brief of case " + caseId, () -> {
            Reply brief = me.get("/api/v1/invitations/" + invitation + "/brief");
            return brief.status() == 200 ? brief.json() : null;
        });
    }

    public void decline(String caseId, String reason) {
        String invitation = invitation(caseId, "INVITED").path("id").asText();
        me.post("/api/v1/invitations/" + invitation + "/decline", "{\"reason\":\"" + reason + "\"}").expect(200);
    }

    /** The draft report-service opened for me on this case. */
    public JsonNode draft(String caseId) {
        return Eventually.value("a draft for " + me + " on case " + caseId, () -> {
            JsonNode reports = me.get("/api/v1/cases/" + caseId + "/reports").json(200);
            return reports.size() > 0 ? me.get("/api/v1/reports/" + reports.get(0).path("id").asText()).json(200) : null;
        });
    }

    /**
     * Writes the report from {@code content} (the report's fields as JSON), answering each question of the draft:
     * the catalogue's by {@code answers}' entry for its code, the patient's own ones by {@code answers.get("own")},
     * and submits it. Returns the report's id.
     */
    public String report(String caseId, String content, Map<String, String> answers) {
        JsonNode draft = draft(caseId);
        String id = draft.path("id").asText();
        ObjectNode body = (ObjectNode) Suite.parse(content);
        ArrayNode written = body.putArray("answers");
        for (JsonNode q : draft.path("questions")) {
            String code = q.path("questionId").asText();
            String text = "OWN".equals(q.path("kind").asText()) ? answers.get("own") : answers.get(code);
            assertThat(text).as(me + " has an answer to question " + q).isNotNull();
            written.addObject().put("questionCode", code).put("text", text);
        }
        me.put("/api/v1/reports/" + id + "/draft", body.toString()).expect(200);
        me.post("/api/v1/reports/" + id + "/submit").expect(200);
        return id;
    }
}
