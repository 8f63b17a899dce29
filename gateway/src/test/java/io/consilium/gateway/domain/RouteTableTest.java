package io.consilium.gateway.domain;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteTableTest {

    private static Route route(String name, String service) {
        return new Route(name, service, 1024, Optional.empty());
    }

    @Test
    void theMostSpecificPatternWinsWhateverTheOrder() {
        RouteTable table = RouteTable.builder()
                .add(route("cases", "case-service"), List.of("/api/v1/cases/**"))
                .add(route("panels", "specialist-service"), List.of("/api/v1/cases/*/panel"))
                .add(route("documents", "document-service"), List.of("/api/v1/cases/*/documents/**"))
                .build();
        assertThat(table.find("/api/v1/cases").map(Route::name)).contains("cases");
        assertThat(table.find("/api/v1/cases/42").map(Route::name)).contains("cases");
        assertThat(table.find("/api/v1/cases/42/panel").map(Route::name)).contains("panels");
        assertThat(table.find("/api/v1/cases/42/panel/x").map(Route::name)).contains("cases");
        assertThat(table.find("/api/v1/cases/42/documents").map(Route::name)).contains("documents");
        assertThat(table.find("/api/v1/cases/42/documents/7/content").map(Route::name)).contains("documents");
        assertThat(table.find("/api/v1/casesx")).isEmpty();
        assertThat(table.find("/api/v1/plans")).isEmpty();
    }

    @Test
    void emptySegmentsCountAsSegments() {
        RouteTable table = RouteTable.builder()
                .add(route("panels", "specialist-service"), List.of("/api/v1/cases/*/panel")).build();
        assertThat(table.find("/api/v1/cases//panel")).contains(route("panels", "specialist-service"));
        assertThat(table.find("/api/v1/cases/1//panel")).isEmpty();
    }

    @Test
    void twoRoutesClaimingTheSamePathsAreRefused() {
        assertThatThrownBy(() -> RouteTable.builder()
                .add(route("a", "case-service"), List.of("/api/v1/cases/*/x"))
                .add(route("b", "report-service"), List.of("/api/v1/cases/*/x"))
                .build()).hasMessageContaining("claim the same paths");
    }

    @Test
    void patternsMustBeWellFormed() {
        assertThatThrownBy(() -> PathPattern.parse("api/v1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PathPattern.parse("/api/**/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PathPattern.parse("/api?x")).isInstanceOf(IllegalArgumentException.class);
    }

    /** The shipped table: every path of docs/api.md goes to the service that serves it. */
    @Test
    void theConfiguredTableSendsEachPathToItsService() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        Map<String, String> services = new HashMap<>();
        RouteTable.Builder builder = RouteTable.builder();
        properties.stringPropertyNames().stream().filter(k -> k.matches("consilium\\.gateway\\.routes\\.[^.]+\\.service"))
                .forEach(k -> {
                    String name = k.split("\\.")[3];
                    String service = properties.getProperty(k);
                    services.put(name, service);
                    builder.add(new Route(name, service, 1, Optional.<Duration>empty()),
                            List.of(properties.getProperty("consilium.gateway.routes." + name + ".paths").split(",")));
                });
        RouteTable table = builder.build();
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        String c = "/api/v1/cases/0e9d6c1a-3b7f-4e2a-8c5d-9f1b2a4c6e80";
        expected.put("/api/v1/cases", "case-service");
        expected.put(c, "case-service");
        expected.put(c + "/timeline", "case-service");
        expected.put(c + "/sla/pause", "case-service");
        expected.put(c + "/messages", "case-service");
        expected.put(c + "/consents/1/revoke", "case-service");
        expected.put(c + "/follow-ups/1/outcome", "case-service");
        expected.put(c + "/access-log", "case-service");
        expected.put("/api/v1/plans/1", "case-service");
        expected.put("/api/v1/roster", "case-service");
        expected.put("/api/v1/case-managers/dr-carla", "case-service");
        expected.put("/api/v1/ops/queue", "case-service");
        expected.put("/api/v1/ops/sla-evaluations", "case-service");
        expected.put("/api/v1/statistics/outcomes", "case-service");
        expected.put("/api/v1/statistics/cases", "case-service");
        expected.put("/api/v1/statistics/cases.csv", "case-service");
        expected.put("/api/v1/statistics/activity", "case-service");
        expected.put(c + "/documents", "document-service");
        expected.put("/api/v1/documents/1/content", "document-service");
        expected.put(c + "/imaging", "document-service");
        expected.put(c + "/checklist/items/1/waiver", "document-service");
        expected.put(c + "/specimens", "document-service");
        expected.put("/api/v1/specimens/1/shipment", "document-service");
        expected.put(c + "/uploads", "document-service");
        expected.put("/api/v1/uploads", "document-service");
        expected.put("/api/v1/uploads/1", "document-service");
        expected.put("/api/v1/specialists/import", "specialist-service");
        expected.put("/api/v1/specialists/1", "specialist-service");
        expected.put("/api/v1/providers", "specialist-service");
        expected.put("/api/v1/rankings", "specialist-service");
        expected.put(c + "/ranking", "specialist-service");
        expected.put(c + "/panel", "specialist-service");
        expected.put(c + "/invitations", "specialist-service");
        expected.put(c + "/summary", "specialist-service");
        expected.put("/api/v1/invitations/1/accept", "specialist-service");
        expected.put(c + "/reports", "report-service");
        expected.put(c + "/reports/release", "report-service");
        // the patient's case summary (issue 13) beside specialist-service's invitation summary at c + "/summary"
        expected.put(c + "/reports/summary", "report-service");
        expected.put(c + "/reports/summary.pdf", "report-service");
        expected.put(c + "/consolidation", "report-service");
        expected.put(c + "/fhir", "report-service"); // the FHIR case bundle (issue 13), not case-service's /cases/**
        expected.put(c + "/share-links/1", "report-service");
        expected.put("/api/v1/reports/1/pdf", "report-service");
        expected.put("/api/v1/shared-reports/abc", "report-service");
        expected.put("/api/v1/webhook-endpoints/1/deliveries/2/replay", "notification-service");
        expected.put("/api/v1/me/notifications/unread-count", "notification-service");
        expected.put("/api/v1/me/notifications/stream", "notification-service");
        expected.put("/api/v1/ops/templates/x", "notification-service");
        expected.forEach((path, service) ->
                assertThat(table.find(path).map(Route::service)).as(path).contains(service));
        // the gateway's own: each service's dead letters are reached on that service
        assertThat(table.find("/api/v1/ops/dead-letters")).isEmpty();
        for (String service : List.of("case-service", "document-service", "specialist-service", "report-service",
                "notification-service")) {
            String prefix = "consilium.gateway.routes." + service.replace("-service", "") + "-dead-letters.";
            assertThat(properties.getProperty(prefix + "service")).isEqualTo(service);
            assertThat(properties.getProperty(prefix + "paths")).isEqualTo("/api/v1/ops/services/" + service + "/dead-letters/**");
            assertThat(properties.getProperty(prefix + "forward-prefix")).isEqualTo("/api/v1/ops/dead-letters");
            assertThat(table.find("/api/v1/ops/services/" + service + "/dead-letters").map(Route::service)).contains(service);
        }
        // the gateway's own aggregates (own-paths): no service's pattern claims them
        assertThat(table.find("/api/v1/me/home")).isEmpty();
        assertThat(table.find("/api/v1/me/work-queue")).isEmpty();
        assertThat(table.find("/api/v1/ops/dashboard")).isEmpty();
        assertThat(table.find("/api/v1/me/notifications/stream").map(Route::name)).contains("inbox-stream");
        assertThat(table.find("/api/v1/specialists/import").map(Route::name)).contains("specialist-import");
    }

    private static Route deadLetters(String service) {
        String pattern = "/api/v1/ops/services/" + service + "/dead-letters/**";
        return new Route(service + "-dead-letters", service, 1024, Optional.empty(),
                Optional.of(PathRewrite.of(List.of(pattern), "/api/v1/ops/dead-letters")));
    }

    private static RouteTable withDeadLetterRoutes() {
        RouteTable.Builder builder = RouteTable.builder()
                .add(route("cases", "case-service"), List.of("/api/v1/cases", "/api/v1/cases/**"))
                .add(route("panels", "specialist-service"), List.of("/api/v1/cases/*/panel"))
                .add(Route.own(1024), List.of("/api/v1/ops/dashboard", "/api/v1/ops/dead-letters/**"));
        for (String service : List.of("case-service", "specialist-service")) {
            builder.add(deadLetters(service), List.of("/api/v1/ops/services/" + service + "/dead-letters/**"));
        }
        return builder.build();
    }

    @Test
    void aRewritingRouteSwapsItsPrefixAndKeepsTheRest() {
        RouteTable table = withDeadLetterRoutes();
        Route route = table.find("/api/v1/ops/services/case-service/dead-letters").orElseThrow();
        assertThat(route.service()).isEqualTo("case-service");
        assertThat(route.upstreamPath("/api/v1/ops/services/case-service/dead-letters")).isEqualTo("/api/v1/ops/dead-letters");
        assertThat(route.upstreamPath("/api/v1/ops/services/case-service/dead-letters/42/replay"))
                .isEqualTo("/api/v1/ops/dead-letters/42/replay");
        assertThat(table.find("/api/v1/ops/services/specialist-service/dead-letters/42").map(Route::service))
                .contains("specialist-service");
        assertThat(table.find("/api/v1/ops/services/report-service/dead-letters")).isEmpty();
        assertThat(table.find("/api/v1/ops/services/case-service/dead-lettersx")).isEmpty();
        // a route without a rewrite forwards the path as it is
        assertThat(table.find("/api/v1/cases/42").orElseThrow().upstreamPath("/api/v1/cases/42")).isEqualTo("/api/v1/cases/42");
    }

    @Test
    void aForwardPrefixNeedsOneLiteralPatternEndingInRest() {
        String prefix = "/api/v1/ops/dead-letters";
        assertThatThrownBy(() -> PathRewrite.of(List.of("/a/**", "/b/**"), prefix)).hasMessageContaining("exactly one path");
        assertThatThrownBy(() -> PathRewrite.of(List.of("/a/b"), prefix)).hasMessageContaining("ending in /**");
        assertThatThrownBy(() -> PathRewrite.of(List.of("/a/*/b/**"), prefix)).hasMessageContaining("literal");
        assertThatThrownBy(() -> PathRewrite.of(List.of("/**"), prefix)).hasMessageContaining("ending in /**");
        for (String bad : new String[]{"api/v1", "/api/v1/", "/api//v1", "/api/*", "/api?x=1", "/"}) {
            assertThatThrownBy(() -> PathRewrite.of(List.of("/a/**"), bad)).as(bad).hasMessageContaining("forward-prefix");
        }
        assertThat(PathRewrite.of(List.of(" /a/b/** "), prefix)).isEqualTo(new PathRewrite("/a/b", prefix));
        // a rewrite that is not of the route's own pattern is refused when the table is built
        assertThatThrownBy(() -> RouteTable.builder().add(deadLetters("case-service"), List.of("/api/v1/other/**")).build())
                .hasMessageContaining("rewrites");
    }

    @Test
    void theGatewayPathOfAServicesOwnPath() {
        RouteTable table = withDeadLetterRoutes();
        // routed to that service as it is
        assertThat(table.publicPathOf("case-service", "/api/v1/cases/{caseId}")).contains("/api/v1/cases/{caseId}");
        assertThat(table.publicPathOf("case-service", "/api/v1/cases")).contains("/api/v1/cases");
        assertThat(table.publicPathOf("specialist-service", "/api/v1/cases/{caseId}/panel"))
                .contains("/api/v1/cases/{caseId}/panel");
        // the path goes to another service: case-service's pattern would match, but specialist-service's wins
        assertThat(table.publicPathOf("case-service", "/api/v1/cases/{caseId}/panel")).isEmpty();
        // a literal "panel" is no parameter: /api/v1/cases/{caseId}/{x} is case-service's (the * of panels is one segment)
        assertThat(table.publicPathOf("case-service", "/api/v1/cases/{caseId}/{x}")).contains("/api/v1/cases/{caseId}/{x}");
        // a service's own dead letters: reached under its rewritten prefix
        assertThat(table.publicPathOf("case-service", "/api/v1/ops/dead-letters"))
                .contains("/api/v1/ops/services/case-service/dead-letters");
        assertThat(table.publicPathOf("case-service", "/api/v1/ops/dead-letters/{id}/replay"))
                .contains("/api/v1/ops/services/case-service/dead-letters/{id}/replay");
        assertThat(table.publicPathOf("specialist-service", "/api/v1/ops/dead-letters/{id}"))
                .contains("/api/v1/ops/services/specialist-service/dead-letters/{id}");
        // no rewriting route for that service, a path under no prefix, the gateway's own, nothing at all
        assertThat(table.publicPathOf("report-service", "/api/v1/ops/dead-letters/{id}")).isEmpty();
        assertThat(table.publicPathOf("case-service", "/api/v1/ops/dead-lettersx")).isEmpty();
        assertThat(table.publicPathOf("case-service", "/api/v1/ops/dashboard")).isEmpty();
        assertThat(table.publicPathOf("case-service", "/api/v1/plans")).isEmpty();
        assertThat(table.publicPathOf("specialist-service", "/api/v1/cases/{caseId}")).isEmpty();
    }
}
