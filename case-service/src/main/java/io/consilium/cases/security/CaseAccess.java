package io.consilium.cases.security;

import io.consilium.cases.domain.CaseAction;
import io.consilium.cases.domain.CaseAction.Actor;
import io.consilium.cases.domain.SmoCase;
import io.consilium.platform.security.Caller;
import io.consilium.platform.security.Roles;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

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
        if (isPatientOf(caller, c)) {
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

    /** The parts the caller plays for this case (none, one, or several). */
    public static Set<Actor> actorsOf(Caller caller, SmoCase c) {
        Set<Actor> actors = EnumSet.noneOf(Actor.class);
        if (isPatientOf(caller, c)) {
            actors.add(Actor.PATIENT);
        }
        if (caller.is(Roles.PARTNER) && caller.tenant().map(t -> Objects.equals(t, c.tenant)).orElse(false)) {
            actors.add(Actor.PARTNER);
        }
        if (caller.is(Roles.CASE_MANAGER) && c.managerId != null && c.managerId.equals(caller.subject())) {
            actors.add(Actor.MANAGER);
        }
        if (caller.is(Roles.OPS)) {
            actors.add(Actor.OPS);
        }
        return actors;
    }

    /**
     * The case's own patient: the account the case belongs to, within the case's tenant. Both are checked, so a
     * case bound to an account of another tenant by mistake still reaches nobody.
     */
    private static boolean isPatientOf(Caller caller, SmoCase c) {
        return caller.is(Roles.PATIENT) && c.patientId != null && c.patientId.equals(caller.subject())
                && caller.tenant().map(t -> t.equals(c.tenant)).orElse(false);
    }

    /** Whether one of the caller's parts may trigger the action (the state is checked by the case itself). */
    public static boolean mayPerform(Caller caller, SmoCase c, CaseAction action) {
        return actorsOf(caller, c).stream().anyMatch(action::mayBeTriggeredBy);
    }
}
