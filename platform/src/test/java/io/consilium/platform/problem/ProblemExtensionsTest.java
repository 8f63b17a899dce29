package io.consilium.platform.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Extension members (RFC 9457 section 3.2) are written beside the standard members, and only when present. */
class ProblemExtensionsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void extensionMembersAreTopLevel() throws Exception {
        Problem problem = Problem.of(ProblemType.UNPROCESSABLE, "not covered", "/api/v1/cases")
                .with(Map.of("reason", "NOT_IN_ROSTER", "openItems", List.of(Map.of("code", "IMAGING"))));
        JsonNode node = json.readTree(json.writeValueAsString(problem));
        assertThat(node.get("reason").asText()).isEqualTo("NOT_IN_ROSTER");
        assertThat(node.get("openItems").get(0).get("code").asText()).isEqualTo("IMAGING");
        assertThat(node.get("status").asInt()).isEqualTo(422);
        assertThat(node.has("extensions")).isFalse();
    }

    @Test
    void withoutExtensionsNothingIsAdded() throws Exception {
        JsonNode node = json.readTree(json.writeValueAsString(Problem.of(ProblemType.CONFLICT, "no", "/x")));
        assertThat(node.size()).isEqualTo(5);
    }

    @Test
    void exceptionCarriesItsMembers() {
        ProblemException e = new ProblemException.Unprocessable("not covered").with("reason", "QUOTA_USED");
        assertThat(e.extensions()).containsEntry("reason", "QUOTA_USED");
        assertThat(new ProblemException.Conflict("x").extensions()).isEmpty();
    }
}
