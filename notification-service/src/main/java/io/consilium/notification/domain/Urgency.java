package io.consilium.notification.domain;

/**
 * Whether a notification may wait (quiet hours) or must go at once: a breached SLA is urgent, everything else is
 * routine. Kept with the delivery so a later preference check does not need the event again.
 */
public final class Urgency {

    private Urgency() {
    }

    public static boolean urgent(String eventType, String slaStatus) {
        return eventType.equals("consilium.case.sla-status-changed.v1") && "BREACHED".equals(slaStatus);
    }
}
