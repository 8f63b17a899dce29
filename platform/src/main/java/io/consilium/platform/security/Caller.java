package io.consilium.platform.security;

import io.consilium.platform.problem.ProblemException;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: the token's subject, realm roles, insurer ({@code tenant} claim) and, for a patient, the
 * insurer's member id of the account ({@code memberId} claim). Both claims come from read-only account
 * attributes (Keycloak user profile) or a partner client's fixed mapper, so a caller cannot choose them.
 * Services decide object-level access from this, never from request data the caller controls.
 * <p>
 * {@code displayName} is the person's name as the token gives it ({@code name}, else {@code preferred_username}):
 * what audit records, timelines and reports show beside the subject, kept as it was at the time of the action.
 * It is never used to decide access.
 */
public record Caller(String subject, Set<String> roles, Optional<String> tenant, Optional<String> memberId,
                     Optional<String> displayName) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public Caller(String subject, Set<String> roles, Optional<String> tenant, Optional<String> memberId) {
        this(subject, roles, tenant, memberId, Optional.empty());
    }

    /** A caller whose token names no member (every role but a patient's). */
    public Caller(String subject, Set<String> roles, Optional<String> tenant) {
        this(subject, roles, tenant, Optional.empty());
    }

    /** The name to show for this caller: the display name, or the subject when the token carries none. */
    public String shownName() {
        return displayName.orElse(subject);
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
