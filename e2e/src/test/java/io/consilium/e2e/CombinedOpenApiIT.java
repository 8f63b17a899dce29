package io.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's combined OpenAPI document against the documents the running services serve themselves: every
 * operation of every service is in it, under the gateway path that reaches it, grouped under its service, saying
 * who may call it. A service endpoint added without a gateway route fails here.
 */
class CombinedOpenApiIT {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    /** Each service's own dead letters are reached at the gateway under the service's name. */
    private static final String DEAD_LETTERS = "/api/v1/ops/dead-letters";

    @Test
    void everyOperationOfEveryServiceIsInTheGatewaysDocument() {
        JsonNode combined = Suite.combinedDocument();
        assertThat(combined.path("x-consilium-stale-services")).as("services not answering the gateway").isEmpty();
        assertThat(Suite.get(Suite.GATEWAY + "/q/openapi?format=json", null).json()).isEqualTo(combined);
        assertThat(combined.path("servers")).hasSize(1);
        assertThat(combined.path("x-consilium-missing-services")).as("services the gateway could not read").isEmpty();
        assertThat(combined.path("x-consilium-unrouted")).as("operations no gateway route reaches").isEmpty();

        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, String> service : Suite.SERVICES.entrySet()) {
            JsonNode own = Suite.get(service.getValue() + "/q/openapi?format=json", null).json();
            for (Iterator<Map.Entry<String, JsonNode>> paths = own.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                String publicPath = path.getKey().startsWith(DEAD_LETTERS)
                        ? "/api/v1/ops/services/" + service.getKey() + "/dead-letters" + path.getKey().substring(DEAD_LETTERS.length())
                        : path.getKey();
                for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                    String method = methods.next();
                    if (!METHODS.contains(method)) {
                        continue;
                    }
                    checked++;
                    JsonNode op = combined.path("paths").path(publicPath).path(method);
                    if (op.isMissingNode()) {
                        missing.add(service.getKey() + " " + method.toUpperCase() + " " + path.getKey());
                        continue;
                    }
                    assertThat(op.path("tags").get(0).asText()).as(publicPath + " " + method + " grouped under its service")
                            .startsWith(service.getKey());
                    assertThat(op.path("description").asText()).as(publicPath + " " + method + " says who may call it")
                            .containsPattern("\\*\\*(Roles|Public)");
                }
            }
        }
        assertThat(checked).as("operations the services document").isGreaterThan(100);
        // public: only tus' discovery and the treating doctor's share link; everything else names its roles
        List<String> open = new ArrayList<>();
        combined.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            if (m.getValue().path("description").asText().startsWith("**Public")) {
                open.add(m.getKey() + " " + p.getKey());
            }
        }));
        assertThat(open).containsExactlyInAnyOrder("options /api/v1/uploads", "get /api/v1/shared-reports/{token}");
        assertThat(combined.path("paths").path("/api/v1/uploads/{uploadId}").path("patch").path("description").asText())
                .startsWith("**Roles:** patient, case-manager");
        assertThat(missing).as("service operations missing from the gateway's document").isEmpty();
        // and the gateway's own aggregates
        for (String aggregate : List.of("/api/v1/ops/dashboard", "/api/v1/me/home", "/api/v1/me/work-queue",
                "/api/v1/cases/{caseId}/overview")) {
            assertThat(combined.path("paths").path(aggregate).path("get").isObject()).as(aggregate).isTrue();
        }
    }
}
