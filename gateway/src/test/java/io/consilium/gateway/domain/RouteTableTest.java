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
        // the gateway's own aggregates (own-paths): no service's pattern claims them
        assertThat(table.find("/api/v1/me/home")).isEmpty();
        assertThat(table.find("/api/v1/me/work-queue")).isEmpty();
        assertThat(table.find("/api/v1/ops/dashboard")).isEmpty();
        assertThat(table.find("/api/v1/me/notifications/stream").map(Route::name)).contains("inbox-stream");
        assertThat(table.find("/api/v1/specialists/import").map(Route::name)).contains("specialist-import");
    }
}
