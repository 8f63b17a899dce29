package io.consilium.gateway.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The OpenAPI documents {@link UpstreamStubs} serve: one operation per service on a path its gateway route reaches,
 * case-service with an operation no route reaches, a schema {@code Name} that differs between case-service and
 * document-service, and the same {@code Problem} and {@code SecurityScheme} in each. Revision n of a document adds
 * {@code GET /api/v1/cases/{caseId}/revision-n} (case-service) or {@code .../revision-n} under its path.
 */
public final class StubDocuments {

    public static final String PROBLEM_REF = "#/components/schemas/Problem";

    private StubDocuments() {
    }

    /** service -> {path, tag, roles (comma separated, empty: any signed-in user)} of its one operation. */
    public static String[] operation(String service) {
        return switch (service) {
            case "case-service" -> new String[]{"/api/v1/cases/{caseId}", "Cases", "patient,ops"};
            case "document-service" -> new String[]{"/api/v1/cases/{caseId}/documents", "Records", ""};
            case "specialist-service" -> new String[]{"/api/v1/specialists/{specialistId}", "Directory", "ops"};
            case "report-service" -> new String[]{"/api/v1/reports/{reportId}", "Reports", "partner,ops"};
            default -> new String[]{"/api/v1/me/notifications", "Inbox", ""};
        };
    }

    public static JsonObject of(String service, long revision) {
        String[] op = operation(service);
        JsonObject paths = new JsonObject().put(op[0], item(op[1], op[2], "#/components/schemas/Name"));
        for (long r = 1; r <= revision; r++) {
            paths.put(op[0] + "/revision-" + r, item(op[1], op[2], PROBLEM_REF));
        }
        if (service.equals("case-service")) {
            paths.put("/api/v1/internal/stub-only", item("Internal", "ops", PROBLEM_REF));
        }
        JsonObject name = service.equals("case-service")
                ? new JsonObject().put("type", "object").put("properties", new JsonObject().put("given", new JsonObject().put("type", "string")))
                : new JsonObject().put("type", "string").put("description", service + " name");
        JsonObject problem = new JsonObject().put("type", "object").put("properties",
                new JsonObject().put("title", new JsonObject().put("type", "string")));
        return new JsonObject().put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", "Consilium " + service).put("version", "0.1.0"))
                .put("servers", new JsonArray().add(new JsonObject().put("url", "http://localhost:1")))
                .put("tags", new JsonArray().add(new JsonObject().put("name", op[1]).put("description", op[1] + " of " + service)))
                .put("paths", paths)
                .put("components", new JsonObject()
                        .put("schemas", new JsonObject().put("Name", name).put("Problem", problem))
                        .put("securitySchemes", new JsonObject().put("SecurityScheme", new JsonObject()
                                .put("description", "Authentication").put("type", "http").put("scheme", "bearer")
                                .put("bearerFormat", "JWT"))));
    }

    private static JsonObject item(String tag, String roles, String ref) {
        JsonArray scopes = new JsonArray();
        if (!roles.isEmpty()) {
            for (String role : roles.split(",")) {
                scopes.add(role);
            }
        }
        return new JsonObject().put("get", new JsonObject()
                .put("tags", new JsonArray().add(tag))
                .put("security", new JsonArray().add(new JsonObject().put("SecurityScheme", scopes)))
                .put("responses", new JsonObject().put("200", new JsonObject().put("description", "ok")
                        .put("content", new JsonObject().put("application/json", new JsonObject()
                                .put("schema", new JsonObject().put("$ref", ref))
                                .put("example", new JsonObject().put("given", "Ann")))))));
    }
}
