package io.consilium.gateway.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiMergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** case-service reaches /api/v1/cases/**, document-service /api/v1/cases/* /documents/**; nothing else. */
    private static final PublicPaths PATHS = (service, path) -> {
        if (service.equals("document-service") && path.matches("/api/v1/cases/[^/]+/documents(/.*)?")) {
            return Optional.of(path);
        }
        if (service.equals("case-service") && path.startsWith("/api/v1/cases") && !path.contains("/documents")) {
            return Optional.of(path);
        }
        return Optional.empty();
    };

    private static final String PROBLEM = """
            {"type":"object","required":["type","title","status"],"properties":{"type":{"type":"string"},"status":{"type":"integer"}}}""";
    private static final String SCHEME = """
            {"SecurityScheme":{"type":"http","scheme":"bearer","bearerFormat":"JWT"}}""";

    private static final String CASES = """
            {"openapi":"3.1.0","info":{"title":"Consilium case-service","version":"0.1.0"},
             "servers":[{"url":"http://localhost:8081"}],
             "tags":[{"name":"Cases","description":"The case itself"},{"name":"Ops"}],
             "paths":{
               "/api/v1/cases/{caseId}":{"parameters":[{"name":"caseId","in":"path","required":true,"schema":{"type":"string"}}],
                 "get":{"tags":["Cases"],"description":"Reads the case.","security":[{"SecurityScheme":["patient","ops"]}],
                   "responses":{"200":{"description":"ok","content":{"application/json":{
                     "schema":{"$ref":"#/components/schemas/Name"},
                     "examples":{"one":{"value":{"$ref":"#/components/schemas/Name","given":"Ann"}}}}}},
                     "404":{"description":"no","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}},
               "/api/v1/cases/{caseId}/holder":{"get":{"tags":["Cases"],"security":[{"SecurityScheme":[]}],
                   "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Holder"}}}}}}},
               "/api/v1/internal/reindex":{"post":{"tags":["Ops"],"security":[{"SecurityScheme":["ops"]}],"responses":{"204":{"description":"done"}}}}
             },
             "components":{"schemas":{
                "Name":{"type":"object","properties":{"given":{"type":"string"},"example":{"$ref":"#/components/schemas/Name"}},"example":{"given":"Ann"}},
                "Holder":{"type":"object","properties":{"name":{"$ref":"#/components/schemas/Name"}}},
                "Problem":%s},
              "securitySchemes":%s}}
            """.formatted(PROBLEM, SCHEME);

    private static final String DOCUMENTS = """
            {"openapi":"3.1.0","info":{"title":"Consilium document-service","version":"0.1.0"},
             "tags":[{"name":"Records","description":"Uploaded records"}],
             "paths":{
               "/api/v1/cases/{caseId}/documents":{"get":{"tags":["Records"],
                   "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Name"},
                     "example":{"$ref":"#/components/schemas/Name"}}}},
                     "400":{"description":"bad","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}}
             },
             "components":{"schemas":{
                "Name":{"type":"string","description":"A file name","examples":["scan.pdf"]},
                "Holder":{"type":"object","properties":{"name":{"$ref":"#/components/schemas/Name"}}},
                "Problem":%s},
              "securitySchemes":%s}}
            """.formatted(PROBLEM, SCHEME);

    private static final String GATEWAY = """
            {"openapi":"3.1.0","info":{"title":"Consilium gateway","version":"0.1.0"},
             "paths":{"/api/v1/ops/dashboard":{"get":{"tags":["Ops Dashboard Resource"],"description":"**Roles:** ops\\n\\nThe dashboard",
                "security":[{"SecurityScheme":["ops"]}],"responses":{"200":{"description":"ok"}}}}},
             "components":{"securitySchemes":%s}}
            """.formatted(SCHEME);

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static OpenApiMerge.Merged merge(List<String> missing) {
        return OpenApiMerge.merge(json(GATEWAY), List.of(new OpenApiMerge.Source("case-service", json(CASES), false),
                new OpenApiMerge.Source("document-service", json(DOCUMENTS), false)), missing, "/", PATHS);
    }

    @Test
    void onlyTheGatewayIsAServerAndEveryRoutedOperationIsUnderItsGatewayPath() {
        JsonNode doc = merge(List.of()).document();

        assertThat(doc.get("servers")).hasSize(1);
        assertThat(doc.at("/servers/0/url").asText()).isEqualTo("/");
        assertThat(doc.at("/info/title").asText()).isEqualTo("Consilium API");
        assertThat(doc.at("/info/description").asText()).contains("case-service, document-service");
        List<String> paths = new ArrayList<>();
        doc.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).containsExactlyInAnyOrder("/api/v1/ops/dashboard", "/api/v1/cases/{caseId}",
                "/api/v1/cases/{caseId}/holder", "/api/v1/cases/{caseId}/documents");
        // path-level parameters travel with the path
        assertThat(doc.at("/paths/~1api~1v1~1cases~1{caseId}/parameters/0/name").asText()).isEqualTo("caseId");
    }

    @Test
    void anOperationNoRouteReachesIsListedNotMerged() {
        OpenApiMerge.Merged merged = merge(List.of());

        assertThat(merged.unrouted()).containsExactly(new OpenApiMerge.Unrouted("case-service", "POST", "/api/v1/internal/reindex"));
        assertThat(merged.document().get("x-consilium-unrouted")).hasSize(1);
        assertThat(merged.document().at("/x-consilium-unrouted/0/path").asText()).isEqualTo("/api/v1/internal/reindex");
        assertThat(merged.document().get("paths").has("/api/v1/internal/reindex")).isFalse();
    }

    @Test
    void tagsArePrefixedAndGroupedBySource() {
        JsonNode doc = merge(List.of()).document();

        assertThat(doc.at("/paths/~1api~1v1~1cases~1{caseId}/get/tags/0").asText()).isEqualTo("case-service: Cases");
        assertThat(doc.at("/paths/~1api~1v1~1cases~1{caseId}~1documents/get/tags/0").asText()).isEqualTo("document-service: Records");
        List<String> tags = new ArrayList<>();
        doc.get("tags").forEach(t -> tags.add(t.get("name").asText()));
        // the Ops tag of case-service only tagged an unrouted operation
        assertThat(tags).containsExactly("gateway: Ops Dashboard Resource", "case-service: Cases", "document-service: Records");
        assertThat(doc.at("/tags/1/description").asText()).isEqualTo("The case itself");
        assertThat(doc.get("x-tagGroups")).hasSize(3);
        assertThat(doc.at("/x-tagGroups/0/name").asText()).isEqualTo("gateway");
        assertThat(doc.at("/x-tagGroups/1/name").asText()).isEqualTo("case-service");
        assertThat(doc.at("/x-tagGroups/1/tags/0").asText()).isEqualTo("case-service: Cases");
        assertThat(doc.at("/x-tagGroups/2/tags/0").asText()).isEqualTo("document-service: Records");
    }

    @Test
    void everyOperationSaysWhoMayCallIt() {
        JsonNode doc = merge(List.of()).document();

        assertThat(doc.at("/paths/~1api~1v1~1cases~1{caseId}/get/description").asText())
                .isEqualTo("**Roles:** patient, ops\n\nReads the case.");
        assertThat(doc.at("/paths/~1api~1v1~1cases~1{caseId}~1holder/get/description").asText())
                .isEqualTo("**Roles:** " + OpenApiMerge.ANY_USER);
        assertThat(doc.at("/paths/~1api~1v1~1cases~1{caseId}~1documents/get/description").asText())
                .isEqualTo("**Public:** no token");
        // the line the platform already wrote is not repeated
        assertThat(doc.at("/paths/~1api~1v1~1ops~1dashboard/get/description").asText()).isEqualTo("**Roles:** ops\n\nThe dashboard");
    }

    @Test
    void identicalComponentsAreKeptOnceAndClashingOnesRenamedWithTheirReferences() {
        JsonNode doc = merge(List.of()).document();
        JsonNode schemas = doc.at("/components/schemas");

        List<String> names = new ArrayList<>();
        schemas.fieldNames().forEachRemaining(names::add);
        // Holder is the same text in both, but refers to a Name that differs: renamed too
        assertThat(names).containsExactlyInAnyOrder("Name", "Holder", "Problem", "document-service.Name", "document-service.Holder");
        assertThat(schemas.get("Problem")).isEqualTo(json(PROBLEM));
        assertThat(schemas.at("/Name/type").asText()).isEqualTo("object");
        assertThat(schemas.at("/document-service.Name/type").asText()).isEqualTo("string");
        assertThat(schemas.at("/document-service.Holder/properties/name/$ref").asText()).isEqualTo("#/components/schemas/document-service.Name");
        assertThat(schemas.at("/Holder/properties/name/$ref").asText()).isEqualTo("#/components/schemas/Name");
        assertThat(doc.at("/paths/~1api~1v1~1cases~1{caseId}~1documents/get/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/document-service.Name");
        // the shared Problem keeps its name in both services' operations
        assertThat(doc.at("/paths/~1api~1v1~1cases~1{caseId}~1documents/get/responses/400/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(doc.at("/paths/~1api~1v1~1cases~1{caseId}/get/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Name");
        assertThat(doc.at("/components/securitySchemes")).hasSize(1);
        assertThat(doc.at("/components/securitySchemes/SecurityScheme/scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void examplesAreCopiedUntouched() {
        JsonNode doc = merge(List.of()).document();

        assertThat(doc.at("/paths/~1api~1v1~1cases~1{caseId}~1documents/get/responses/200/content/application~1json/example"))
                .isEqualTo(json("{\"$ref\":\"#/components/schemas/Name\"}"));
        assertThat(doc.at("/paths/~1api~1v1~1cases~1{caseId}/get/responses/200/content/application~1json/examples/one/value/given").asText())
                .isEqualTo("Ann");
        assertThat(doc.at("/components/schemas/document-service.Name/examples")).isEqualTo(json("[\"scan.pdf\"]"));
        assertThat(doc.at("/components/schemas/Name/example")).isEqualTo(json("{\"given\":\"Ann\"}"));
        // a property called "example" is a schema, not a value
        assertThat(doc.at("/components/schemas/Name/properties/example/$ref").asText()).isEqualTo("#/components/schemas/Name");
    }

    @Test
    void aClashRewritesReferencesButNotExampleValues() {
        // document-service first this time: case-service's Name is the one renamed
        JsonNode doc = OpenApiMerge.merge(null, List.of(new OpenApiMerge.Source("document-service", json(DOCUMENTS), false),
                new OpenApiMerge.Source("case-service", json(CASES), false)), List.of(), "/", PATHS).document();

        assertThat(doc.at("/components/schemas/case-service.Name/properties/example/$ref").asText())
                .isEqualTo("#/components/schemas/case-service.Name");
        JsonNode content = doc.at("/paths/~1api~1v1~1cases~1{caseId}/get/responses/200/content/application~1json");
        assertThat(content.at("/schema/$ref").asText()).isEqualTo("#/components/schemas/case-service.Name");
        assertThat(content.at("/examples/one/value/$ref").asText()).isEqualTo("#/components/schemas/Name");
    }

    @Test
    void aMissingServiceIsNamed() {
        JsonNode doc = merge(List.of("notification-service")).document();

        assertThat(doc.get("x-consilium-missing-services")).hasSize(1);
        assertThat(doc.at("/x-consilium-missing-services/0").asText()).isEqualTo("notification-service");
        assertThat(doc.at("/info/description").asText()).contains("Missing: notification-service");
    }

    @Test
    void theRouteTableSaysWhichServiceReachesAPath() {
        RouteTable table = RouteTable.builder()
                .add(new Route("cases", "case-service", 1, Optional.empty()), List.of("/api/v1/cases/**"))
                .add(new Route("documents", "document-service", 1, Optional.empty()), List.of("/api/v1/cases/*/documents/**"))
                .add(Route.own(1), List.of("/api/v1/cases/*/overview"))
                .build();
        PublicPaths paths = table::publicPathOf;

        assertThat(paths.of("case-service", "/api/v1/cases/{caseId}")).contains("/api/v1/cases/{caseId}");
        assertThat(paths.of("document-service", "/api/v1/cases/{caseId}/documents/{id}")).contains("/api/v1/cases/{caseId}/documents/{id}");
        assertThat(paths.of("case-service", "/api/v1/cases/{caseId}/documents")).isEmpty();
        assertThat(paths.of("case-service", "/api/v1/cases/{caseId}/overview")).isEmpty();
        assertThat(paths.of("case-service", "/api/v1/plans")).isEmpty();
    }
}
