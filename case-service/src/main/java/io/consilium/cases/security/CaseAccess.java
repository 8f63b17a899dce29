package io.consilium.cases.security;

import io.consilium.cases.domain.SmoCase;
import io.consilium.platform.security.Caller;
import io.consilium.platform.security.Roles;

import java.util.Objects;

/**
 * Who may see which case, and how much of it (object-level rules of {@code docs/security.md}).
 * Everything not explicitly allowed is {@link Visibility#NONE}, which the API answers as 404.
 */
public final class CaseAccess {

    public enum Visibility {
        /** Not even its existence. */
        NONE,
        /** State, dates, codes: what a partner or ops may see without the patient's consent or a break-glass. */
        METADATA,
        /** Everything, clinical content included. */
        FULL
    }

    private CaseAccess() {
    }

    public static Visibility of(Caller caller, SmoCase c) {
        if (caller.is(Roles.PATIENT) && c.patientId != null && c.patientId.equals(caller.subject())) {
            return Visibility.FULL;
        }
        if (caller.is(Roles.CASE_MANAGER) && c.managerId != null && c.managerId.equals(caller.subject())) {
            return Visibility.FULL;
        }
        if (caller.is(Roles.OPS)) {
            return Visibility.METADATA;
        }
        if (caller.is(Roles.PARTNER) && caller.tenant().map(t -> Objects.equals(t, c.tenant)).orElse(false)) {
            return Visibility.METADATA;
        }
        return Visibility.NONE;
    }

    /** Submitting belongs to whoever speaks for the patient: the patient, or the partner of the case's tenant. */
    public static boolean maySubmit(Caller caller, SmoCase c) {
        if (caller.is(Roles.PATIENT)) {
            return c.patientId != null && c.patientId.equals(caller.subject());
        }
        return caller.is(Roles.PARTNER) && caller.tenant().map(t -> Objects.equals(t, c.tenant)).orElse(false);
    }
}
