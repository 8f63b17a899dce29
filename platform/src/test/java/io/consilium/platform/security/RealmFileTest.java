package io.consilium.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Keycloak realm kept in the repository (imported by deploy/local and used as the production template): logins
 * are protected against guessing, and the claims services trust (tenant, memberId) are attributes users cannot edit.
 */
class RealmFileTest {

    private static final Path REALM = Path.of("..", "deploy", "keycloak", "consilium-realm.json");

    private final JsonNode realm = read();

    @Test
    void bruteForceDetectionLocksAccountsForAWhile() {
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("permanentLockout").asBoolean()).as("a lock must not be a denial of service").isFalse();
        assertThat(realm.path("failureFactor").asInt()).isBetween(3, 10);
        assertThat(realm.path("waitIncrementSeconds").asInt()).isPositive();
        assertThat(realm.path("maxFailureWaitSeconds").asInt()).isGreaterThanOrEqualTo(realm.path("waitIncrementSeconds").asInt());
    }

    @Test
    void tenantAndMemberIdAreAttributesOnlyAdminsEdit() throws Exception {
        JsonNode profile = null;
        for (JsonNode provider : realm.path("components")) {
            for (JsonNode component : provider) {
                JsonNode config = component.path("config").path("kc.user.profile.config");
                if (config.isArray() && !config.isEmpty()) {
                    profile = new ObjectMapper().readTree(config.get(0).asText());
                }
            }
        }
        assertThat(profile).as("the realm declares a user profile").isNotNull();
        for (String name : List.of("tenant", "memberId")) {
            JsonNode attribute = null;
            for (JsonNode a : profile.path("attributes")) {
                if (a.path("name").asText().equals(name)) {
                    attribute = a;
                }
            }
            assertThat(attribute).as(name).isNotNull();
            List<String> editors = new ArrayList<>();
            attribute.path("permissions").path("edit").forEach(e -> editors.add(e.asText()));
            assertThat(editors).as("who may edit " + name).containsExactly("admin");
        }
    }

    @Test
    void userClientsPutTheMemberIdIntoTheToken() {
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            if (id.equals("consilium-app") || id.equals("consilium-console")) {
                List<String> claims = new ArrayList<>();
                client.path("protocolMappers").forEach(m -> claims.add(m.path("config").path("claim.name").asText()));
                assertThat(claims).as(id).contains("tenant", "memberId");
            }
        }
    }

    @Test
    void theConsoleClientIsPublicWithPkceAndRedirectsOnlyToTheConsole() {
        JsonNode console = null;
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals("consilium-console")) {
                console = client;
            }
        }
        assertThat(console).as("the realm has the console's client").isNotNull();
        assertThat(console.path("publicClient").asBoolean()).isTrue();
        assertThat(console.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(console.path("implicitFlowEnabled").asBoolean()).as("no tokens in URLs").isFalse();
        assertThat(console.path("directAccessGrantsEnabled").asBoolean()).as("passwords only on Keycloak's page").isFalse();
        assertThat(console.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        List<String> redirects = new ArrayList<>();
        console.path("redirectUris").forEach(u -> redirects.add(u.asText()));
        String[] logout = console.path("attributes").path("post.logout.redirect.uris").asText().split("##");
        assertThat(redirects).isNotEmpty().allSatisfy(u -> assertThat(u).matches("https?://[^/*]+/console/\\*"));
        assertThat(logout).isNotEmpty().allSatisfy(u -> assertThat(u).matches("https?://[^/*]+/console/\\*"));
        List<String> origins = new ArrayList<>();
        console.path("webOrigins").forEach(u -> origins.add(u.asText()));
        assertThat(origins).as("the console's origins, not '+' or '*'").isNotEmpty()
                .allSatisfy(o -> assertThat(o).matches("https?://[^/*]+"));
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(REALM.toFile());
        } catch (Exception e) {
            throw new AssertionError("cannot read " + REALM.toAbsolutePath(), e);
        }
    }
}
