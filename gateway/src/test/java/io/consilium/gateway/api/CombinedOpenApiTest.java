package io.consilium.gateway.api;

import io.consilium.gateway.service.CombinedOpenApi;
import io.consilium.gateway.support.StubDocuments;
import io.consilium.gateway.support.Stubs;
import io.consilium.gateway.support.UpstreamStubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The combined OpenAPI document at /q/openapi and /api/v1/openapi.json: the stubs' documents ({@link StubDocuments})
 * under their gateway paths, the gateway's own aggregates, only the gateway as server; a changed document shows up
 * after a refresh, a service that stops answering keeps its last one, one never reached (notification-service) is
 * named as missing.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(UpstreamStubs.class)
class CombinedOpenApiTest {

    @Inject
    CombinedOpenApi combined;

    private static JsonPath document(String path) {
        return given().when().get(path).then().statusCode(200).contentType("application/json")
                .header("Cache-Control", "no-cache").extract().jsonPath();
    }

    private static Map<String, Object> operation(JsonPath doc, String path, String method) {
        Map<String, Object> paths = doc.getMap("paths");
        @SuppressWarnings("unchecked")
        Map<String, Object> item = (Map<String, Object>) paths.get(path);
        assertThat(item).as(path).isNotNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> op = (Map<String, Object>) item.get(method);
        assertThat(op).as(method + " " + path).isNotNull();
        return op;
    }

    @Test
    void bothPathsServeOneDocumentWithEveryServiceAndTheGatewaysOwnOperations() {
        combined.refresh();
        JsonPath doc = document("/q/openapi");

        assertThat(doc.getString("info.title")).isEqualTo("Consilium API");
        assertThat(doc.getList("servers")).hasSize(1);
        assertThat(doc.getString("servers[0].url")).isEqualTo("/");
        for (String service : UpstreamStubs.LIVE) {
            String[] op = StubDocuments.operation(service);
            Map<String, Object> operation = operation(doc, op[0], "get");
            assertThat(operation.get("tags")).as(service).isEqualTo(List.of(service + ": " + op[1]));
            assertThat((String) operation.get("description")).as(service)
                    .startsWith(op[2].isEmpty() ? "**Roles:** any signed-in user" : "**Roles:** " + op[2].replace(",", ", "));
        }
        for (String own : List.of("/api/v1/cases/{caseId}/overview", "/api/v1/me/home", "/api/v1/me/work-queue", "/api/v1/ops/dashboard")) {
            assertThat((List<?>) operation(doc, own, "get").get("tags")).as(own).allMatch(tag -> ((String) tag).startsWith("gateway: "));
        }
        assertThat(doc.getMap("paths")).containsKey("/api/v1/ops/dead-letters");
        // roles from the gateway's own annotations (the platform's RolesInDocument)
        assertThat((String) operation(doc, "/api/v1/ops/dashboard", "get").get("description")).startsWith("**Roles:** ops\n\n");
        assertThat((String) operation(doc, "/api/v1/cases/{caseId}/overview", "get").get("description"))
                .startsWith("**Roles:** any signed-in user");
        List<String> groups = doc.getList("x-tagGroups.name");
        assertThat(groups).containsExactly("gateway", "case-service", "document-service", "report-service", "specialist-service");
        assertThat(doc.getList("tags.name", String.class)).contains("case-service: Cases", "document-service: Records");

        // the schema both define differently: document-service's renamed, its reference with it
        assertThat(doc.getMap("components.schemas")).containsKeys("Name", "document-service.Name");
        assertThat(doc.getString("paths.'/api/v1/cases/{caseId}/documents'.get.responses.'200'.content.'application/json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/document-service.Name");
        assertThat(doc.getMap("components.securitySchemes")).containsOnlyKeys("SecurityScheme");

        // reached by no route: left out, and said so
        assertThat(doc.getMap("paths")).doesNotContainKey("/api/v1/internal/stub-only");
        assertThat(doc.getList("x-consilium-unrouted.path")).contains("/api/v1/internal/stub-only");

        assertThat(given().when().get("/api/v1/openapi.json").then().statusCode(200).extract().asString())
                .isEqualTo(given().when().get("/q/openapi").then().extract().asString());
    }

    @Test
    void aServiceNeverReachedIsNamedAsMissingNotAnError() {
        combined.refresh();
        JsonPath doc = document("/api/v1/openapi.json");

        assertThat(doc.getList("x-consilium-missing-services")).containsExactly("notification-service");
        assertThat(doc.getString("info.description")).contains("Missing: notification-service");
    }

    @Test
    void whileAServiceIsMissingTheRetryAsksEveryServiceAgain() throws Exception {
        combined.refresh();
        long revision = stub("specialist-service", "revise");
        String added = StubDocuments.operation("specialist-service")[0] + "/revision-" + revision;
        assertThat(document("/q/openapi").getMap("paths")).doesNotContainKey(added);

        // notification-service never answers here, so the short retry (not the 30 s poll) fetches again
        combined.retryIncomplete();

        assertThat(document("/q/openapi").getMap("paths")).containsKey(added);
    }

    @Test
    void aChangedDocumentShowsUpAfterARefreshAndAServiceThatStopsAnsweringKeepsItsLastOne() throws Exception {
        combined.refresh();
        Response before = given().when().get("/q/openapi");
        String etag = before.header("ETag");
        assertThat(etag).isNotBlank();
        given().header("If-None-Match", etag).when().get("/q/openapi").then().statusCode(304);

        long revision = stub("specialist-service", "revise");
        String added = StubDocuments.operation("specialist-service")[0] + "/revision-" + revision;
        assertThat(document("/q/openapi").getMap("paths")).doesNotContainKey(added);
        combined.refresh();
        JsonPath revised = document("/q/openapi");
        assertThat(revised.getMap("paths")).containsKey(added);
        Response after = given().when().get("/q/openapi");
        assertThat(after.header("ETag")).isNotEqualTo(etag);
        // nothing changed: the same document, the same ETag
        combined.refresh();
        assertThat(given().when().get("/q/openapi").header("ETag")).isEqualTo(after.header("ETag"));

        stub("specialist-service", "down");
        try {
            combined.refresh();
            JsonPath stale = document("/q/openapi");
            assertThat(stale.getMap("paths")).containsKey(added);
            assertThat(stale.getList("x-consilium-stale-services")).containsExactly("specialist-service");
            assertThat(stale.getList("x-consilium-missing-services")).doesNotContain("specialist-service");
        } finally {
            stub("specialist-service", "up");
            combined.refresh();
        }
        assertThat(document("/q/openapi").getList("x-consilium-stale-services")).isNull();
    }

    @Test
    void theDocumentIsPublicJsonOnlyAndQuarkusSwaggerUiIsOff() {
        given().when().get("/api/v1/openapi.json").then().statusCode(200).header("ETag", org.hamcrest.Matchers.notNullValue());
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200);
        given().queryParam("format", "yaml").when().get("/q/openapi").then().statusCode(400)
                .contentType("application/problem+json");
        given().when().get("/q/swagger-ui/").then().statusCode(404);
        // the gateway's own document alone, for its own tests (ApiProbeTest)
        assertThat(given().queryParam("format", "json").when().get("/q/gateway-openapi").then().statusCode(200)
                .extract().jsonPath().getString("info.title")).isEqualTo("Consilium gateway");
    }

    private static long stub(String service, String what) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(Stubs.url(service) + "/__stub/openapi/" + what)).build(), HttpResponse.BodyHandlers.ofString());
        return Long.parseLong(response.body().trim());
    }
}
