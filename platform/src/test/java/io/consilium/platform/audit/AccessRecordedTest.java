package io.consilium.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON field names of {@code access-recorded} are the contract with every audit consumer. */
class AccessRecordedTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void carriesTheActorsNameAndRoleBesideTheSubject() throws Exception {
        JsonNode node = json.valueToTree(new AccessRecorded("u-1", "case-manager", "Dr. Carla Ruiz", "acme",
                "case", "c-1", "c-1", "READ", "care", true, Instant.parse("2026-12-01T10:00:00Z")));
        assertEquals("u-1", node.get("subject").asText());
        assertEquals("case-manager", node.get("role").asText());
        assertEquals("Dr. Carla Ruiz", node.get("displayName").asText());
        for (String field : new String[]{"tenant", "objectType", "objectId", "caseId", "action", "purpose", "allowed", "at"}) {
            assertTrue(node.has(field), field);
        }
    }

    @Test
    void aTokenWithoutANameLeavesItNullSoConsumersShowTheSubject() {
        JsonNode node = json.valueToTree(new AccessRecorded("u-1", "ops", null, null, "case", "c-1", "c-1", "READ",
                "care", true, Instant.EPOCH));
        assertTrue(node.get("displayName").isNull());
    }
}
