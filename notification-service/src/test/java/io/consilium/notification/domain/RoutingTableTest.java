package io.consilium.notification.domain;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutingTableTest {

    /** The table as configured in application.properties (the one the README documents). */
    static RoutingTable configured() throws Exception {
        Properties p = new Properties();
        try (InputStream in = RoutingTableTest.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        Map<String, String> routes = new LinkedHashMap<>();
        String prefix = "consilium.notify.routes.";
        p.stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
                .forEach(k -> routes.put(k.substring(prefix.length()), p.getProperty(k)));
        return RoutingTable.parse(routes);
    }

    static List<String> routes(RoutingTable table, String type) {
        return table.routes(type).stream().map(r -> r.recipient().name().toLowerCase() + ":" + r.channel().name().toLowerCase()).toList();
    }

    @Test
    void theConfiguredTableRoutesEachEventOfTheIssueToItsPeople() throws Exception {
        RoutingTable table = configured();
        assertThat(routes(table, "consilium.case.records-requested.v1")).contains("patient:email", "patient:inbox");
        assertThat(routes(table, "consilium.document.rejected.v1")).contains("patient:email");
        assertThat(routes(table, "consilium.specialist.invited.v1")).contains("specialist:email");
        assertThat(routes(table, "consilium.specialist.invitation-reminder-due.v1")).contains("specialist:email");
        assertThat(routes(table, "consilium.specialist.no-candidate.v1")).contains("manager:email");
        assertThat(routes(table, "consilium.report.submitted.v1")).contains("manager:email");
        assertThat(routes(table, "consilium.report.released.v1")).contains("patient:email", "partner:webhook");
        assertThat(routes(table, "consilium.case.sla-status-changed.v1")).contains("ops:inbox", "manager:email");
        assertThat(routes(table, "consilium.case.follow-up-due.v1")).containsExactlyInAnyOrder("patient:email",
                "patient:inbox", "patient:push", "manager:email", "manager:inbox");
        // about no case: ops only (there is nobody else to resolve)
        assertThat(routes(table, "consilium.platform.dead-letter-filed.v1")).containsExactlyInAnyOrder("ops:inbox", "ops:email");
        assertThat(table.routes("consilium.case.consent-granted.v1")).isEmpty();
        assertThat(table.webhookTypes()).contains("consilium.report.released.v1", "consilium.case.submitted.v1")
                .doesNotContain("consilium.specialist.invited.v1", "consilium.document.rejected.v1");
    }

    @Test
    void malformedRoutesFailAtStart() {
        assertThatThrownBy(() -> RoutingTable.parse(Map.of("t", "patient"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoutingTable.parse(Map.of("t", "nobody:email"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoutingTable.parse(Map.of("t", "patient:webhook"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoutingTable.parse(Map.of("t", "partner:email"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(RoutingTable.parse(Map.of("\"a.b.v1\"", "ops:inbox")).routed("a.b.v1")).isTrue();
    }

    @Test
    void aRouteMarkedUrgentIsUrgentAndNothingElseIsAccepted() throws Exception {
        RoutingTable table = RoutingTable.parse(Map.of("t", "patient:email:urgent, patient:inbox"));
        assertThat(table.routes("t")).containsExactly(new Route("t", RecipientKind.PATIENT, Channel.EMAIL, true),
                new Route("t", RecipientKind.PATIENT, Channel.INBOX, false));
        assertThatThrownBy(() -> RoutingTable.parse(Map.of("t", "patient:email:loud"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoutingTable.parse(Map.of("t", "patient:email:urgent:x"))).isInstanceOf(IllegalArgumentException.class);
        // the configured reminder of an invitation about to lapse does not wait for the night to end
        assertThat(configured().routes("consilium.specialist.invitation-reminder-due.v1"))
                .filteredOn(Route::urgent).extracting(Route::channel).containsExactlyInAnyOrder(Channel.EMAIL, Channel.PUSH);
        assertThat(configured().routes("consilium.report.released.v1")).noneMatch(Route::urgent);
    }
}
