package io.consilium.platform.security;

import io.consilium.platform.problem.ProblemException;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: the token's subject, realm roles and insurer ({@code tenant} claim). Services decide
 * object-level access from this, never from request data the caller controls.
 */
public record Caller(String subject, Set<String> roles, Optional<String> tenant) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    /** The caller's tenant, or a 403 when a tenant-bound role has a token without one (a misconfigured client). */
    public String requireTenant() {
        return tenant.orElseThrow(() -> new ProblemException.Forbidden(
                "The token carries no tenant claim"));
    }

    /** The role used for audit records: the most privileged one the caller holds. */
    public String primaryRole() {
        for (String role : new String[]{Roles.OPS, Roles.CASE_MANAGER, Roles.SPECIALIST, Roles.PARTNER, Roles.PATIENT}) {
            if (roles.contains(role)) {
                return role;
            }
        }
        return "none";
    }
}
