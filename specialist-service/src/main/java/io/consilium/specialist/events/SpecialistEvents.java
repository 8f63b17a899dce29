package io.consilium.specialist.events;

/** Topic and CloudEvents types specialist-service publishes ({@code docs/events.md}). */
public final class SpecialistEvents {

    public static final String TOPIC = "consilium.specialist.events";
    public static final String INVITED = "consilium.specialist.invited.v1";
    public static final String ACCEPTED = "consilium.specialist.accepted.v1";
    public static final String DECLINED = "consilium.specialist.declined.v1";
    public static final String EXPIRED = "consilium.specialist.expired.v1";
    public static final String PANEL_ASSEMBLED = "consilium.specialist.panel-assembled.v1";
    public static final String NO_CANDIDATE = "consilium.specialist.no-candidate.v1";
    public static final String INVITATION_REMINDER_DUE = "consilium.specialist.invitation-reminder-due.v1";
    /** A directory event, not a case event: its subject and key are the provider's id. */
    public static final String PROVIDER_CHANGED = "consilium.specialist.provider-changed.v1";

    private SpecialistEvents() {
    }
}
