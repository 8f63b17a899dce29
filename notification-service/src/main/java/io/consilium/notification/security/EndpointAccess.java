package io.consilium.notification.security;

import io.consilium.notification.domain.WebhookEndpoint;
import io.consilium.platform.security.Caller;
import io.consilium.platform.security.Roles;

/**
 * Who may touch a webhook endpoint, its deliveries and its log: ops every endpoint, a partner only its own
 * tenant's. Anyone else, and a partner asking for another tenant's endpoint, gets the same 404 as for an unknown id.
 */
public final class EndpointAccess {

    private EndpointAccess() {
    }

    public static boolean mayUse(Caller caller, WebhookEndpoint endpoint) {
        if (endpoint == null) {
            return false;
        }
        if (caller.is(Roles.OPS)) {
            return true;
        }
        return caller.is(Roles.PARTNER) && caller.tenant().map(endpoint.tenant::equals).orElse(false);
    }

    /** The tenant a new endpoint belongs to: the partner's own; ops must name it. Null when none can be decided. */
    public static String tenantFor(Caller caller, String requested) {
        if (caller.is(Roles.PARTNER)) {
            return caller.tenant().orElse(null);
        }
        if (caller.is(Roles.OPS)) {
            return requested == null || requested.isBlank() ? null : requested;
        }
        return null;
    }
}
