package io.consilium.notification.security;

import io.consilium.notification.domain.RecipientKind;
import io.consilium.notification.domain.WebhookEndpoint;
import io.consilium.platform.security.Caller;
import io.consilium.platform.security.Roles;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AccessRulesTest {

    static Caller caller(String subject, String role, String tenant) {
        return new Caller(subject, Set.of(role), Optional.ofNullable(tenant));
    }

    @Test
    void anInboxItemIsItsOwnersWithinTheirTenantAndOpsItemsAreTheTeams() {
        Caller patient = caller("p-1", Roles.PATIENT, "acme");
        assertThat(InboxAccess.owns(patient, RecipientKind.PATIENT, "p-1", "acme")).isTrue();
        assertThat(InboxAccess.owns(patient, RecipientKind.PATIENT, "p-2", "acme")).isFalse();
        assertThat(InboxAccess.owns(caller("p-1", Roles.PATIENT, "globex"), RecipientKind.PATIENT, "p-1", "acme")).isFalse();
        assertThat(InboxAccess.owns(caller("p-1", Roles.CASE_MANAGER, "acme"), RecipientKind.PATIENT, "p-1", "acme")).isFalse();
        assertThat(InboxAccess.owns(caller("dr-1", Roles.CASE_MANAGER, "acme"), RecipientKind.MANAGER, "dr-1", "acme")).isTrue();
        assertThat(InboxAccess.owns(caller("sp-1", Roles.SPECIALIST, null), RecipientKind.SPECIALIST, "sp-1", "acme")).isTrue();
        assertThat(InboxAccess.owns(caller("sp-1", Roles.PATIENT, "acme"), RecipientKind.SPECIALIST, "sp-1", "acme")).isFalse();
        assertThat(InboxAccess.owns(caller("ops-1", Roles.OPS, null), RecipientKind.OPS, "ops", "acme")).isTrue();
        assertThat(InboxAccess.owns(patient, RecipientKind.OPS, "ops", "acme")).isFalse();
        assertThat(InboxAccess.owns(caller("ops", Roles.PARTNER, "acme"), RecipientKind.PARTNER, "ops", "acme")).isFalse();
    }

    @Test
    void anEndpointIsItsTenantsPartnersAndOps() {
        WebhookEndpoint endpoint = WebhookEndpoint.register("acme", "https://hooks.example.com/", null,
                Set.of("consilium.report.released.v1"), "whsec_a", "partner", Instant.now());
        assertThat(EndpointAccess.mayUse(caller("acme-system", Roles.PARTNER, "acme"), endpoint)).isTrue();
        assertThat(EndpointAccess.mayUse(caller("globex-system", Roles.PARTNER, "globex"), endpoint)).isFalse();
        assertThat(EndpointAccess.mayUse(caller("no-tenant", Roles.PARTNER, null), endpoint)).isFalse();
        assertThat(EndpointAccess.mayUse(caller("ops-1", Roles.OPS, null), endpoint)).isTrue();
        assertThat(EndpointAccess.mayUse(caller("p-1", Roles.PATIENT, "acme"), endpoint)).isFalse();
        assertThat(EndpointAccess.mayUse(caller("ops-1", Roles.OPS, null), null)).isFalse();
        // a partner's endpoint is always its own tenant's, whatever the body says; ops must name one
        assertThat(EndpointAccess.tenantFor(caller("acme-system", Roles.PARTNER, "acme"), "globex")).isEqualTo("acme");
        assertThat(EndpointAccess.tenantFor(caller("ops-1", Roles.OPS, null), "globex")).isEqualTo("globex");
        assertThat(EndpointAccess.tenantFor(caller("ops-1", Roles.OPS, null), " ")).isNull();
    }
}
