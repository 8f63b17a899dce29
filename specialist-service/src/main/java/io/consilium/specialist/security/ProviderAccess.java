package io.consilium.specialist.security;

import io.consilium.platform.security.Caller;
import io.consilium.platform.security.Roles;
import io.consilium.specialist.domain.Provider;

import java.util.Optional;

/**
 * In-network providers belong to one tenant: ops see every tenant's, case managers and partners only their
 * own tenant's (from the token), never another's.
 */
public final class ProviderAccess {

    private ProviderAccess() {
    }

    public static boolean maySee(Caller caller, Provider provider) {
        if (caller.is(Roles.OPS)) {
            return true;
        }
        if (caller.is(Roles.CASE_MANAGER) || caller.is(Roles.PARTNER)) {
            return caller.tenant().map(t -> t.equals(provider.tenant)).orElse(false);
        }
        return false;
    }

    /**
     * The tenant a search is confined to: the caller's own for case managers and partners (their filter is
     * ignored), the requested one (or all when empty) for ops.
     */
    public static Optional<String> searchScope(Caller caller, String requestedTenant) {
        if (caller.is(Roles.OPS)) {
            return Optional.ofNullable(requestedTenant);
        }
        return Optional.of(caller.requireTenant());
    }
}
