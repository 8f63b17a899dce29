package io.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The personal doctor's work on a case's records checklist (document-service), through the gateway. */
public final class Checklist {

    private Checklist() {
    }

    /** The checklist once {@code ready} holds for it (e.g. the uploads scanned and RECEIVED). */
    public static JsonNode await(Caller doctor, String caseId, String awaited, Predicate<JsonNode> ready) {
        return Eventually.value(awaited + " on case " + caseId + "'s checklist", () -> {
            JsonNode checklist = doctor.get("/api/v1/cases/" + caseId + "/checklist").json(200);
            return ready.test(checklist) ? checklist : null;
        });
    }

    public static long count(JsonNode checklist, String state) {
        long n = 0;
        for (JsonNode item : checklist.path("items")) {
            if (state.equals(item.path("state").asText())) {
                n++;
            }
        }
        return n;
    }

    /** Accepts every received record and waives the required items nobody sent, with a reason; returns the result. */
    public static JsonNode settle(Caller doctor, String caseId, String waiverReason) {
        String path = "/api/v1/cases/" + caseId + "/checklist";
        for (JsonNode item : doctor.get(path).json(200).path("items")) {
            String ifMatch = "\"" + item.path("version").asText() + "\"";
            String itemPath = path + "/items/" + item.path("id").asText();
            switch (item.path("state").asText()) {
                case "RECEIVED" -> doctor.postIfMatch(itemPath + "/review", ifMatch, "{\"decision\":\"ACCEPTED\"}").expect(200);
                case "PENDING", "REJECTED" -> {
                    if (item.path("required").asBoolean()) {
                        doctor.postIfMatch(itemPath + "/waiver", ifMatch,
                                "{\"reason\":\"" + waiverReason + " (" + item.path("code").asText() + ")\"}").expect(200);
                    }
                }
                default -> {
                }
            }
        }
        JsonNode settled = doctor.get(path).json(200);
        assertThat(settled.path("complete").asBoolean()).as("checklist complete: " + settled).isTrue();
        return settled;
    }

    /**
     * Records complete, once case-service has the settled checklist: document-service's checklist-changed event
     * may still be on its way (409 CHECKLIST_OPEN or CHECKLIST_UNKNOWN until then).
     */
    public static Reply complete(Caller doctor, String caseId) {
        return Eventually.value("records complete on case " + caseId, () -> {
            Reply r = doctor.post("/api/v1/cases/" + caseId + "/records-complete");
            if (r.status() == 409 && r.text().contains("CHECKLIST_")) {
                return null;
            }
            return r.expect(200);
        });
    }
}
