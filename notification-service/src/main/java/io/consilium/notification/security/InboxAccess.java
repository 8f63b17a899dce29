package io.consilium.notification.security;

import io.consilium.notification.domain.Delivery;
import io.consilium.notification.domain.RecipientKind;
import io.consilium.platform.security.Caller;
import io.consilium.platform.security.Roles;

/**
 * Whose in-app inbox item it is: ops items belong to every ops user (the team's inbox); any other item only to the
 * person it names, and a patient's or personal doctor's only within the caller's own tenant (a same-subject token
 * of another tenant sees nothing). Anything else is the same 404 as an unknown id.
 */
public final class InboxAccess {

    private InboxAccess() {
    }

    public static boolean owns(Caller caller, Delivery item) {
        if (item == null) {
            return false;
        }
        return owns(caller, item.recipientKind, item.recipient, item.tenant);
    }

    public static boolean owns(Caller caller, RecipientKind kind, String recipient, String tenant) {
        if (kind == RecipientKind.OPS) {
            return caller.is(Roles.OPS);
        }
        if (kind == RecipientKind.PARTNER || !recipient.equals(caller.subject())) {
            return false;
        }
        if (kind == RecipientKind.SPECIALIST) {
            return caller.is(Roles.SPECIALIST);
        }
        String role = kind == RecipientKind.PATIENT ? Roles.PATIENT : Roles.CASE_MANAGER;
        return caller.is(role) && tenant != null && caller.tenant().map(tenant::equals).orElse(false);
    }
}
