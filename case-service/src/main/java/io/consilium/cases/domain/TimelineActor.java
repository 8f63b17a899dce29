package io.consilium.cases.domain;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who acted in a timeline entry: subject, role and the display name kept at the time of the action.
 * <p>
 * For another service's event the actor is what the event itself says (the fields of {@link #FIELDS}); an event
 * that names nobody has no actor (the system acted, e.g. an expiry). A patient's name never travels on the topics:
 * case-service's own events take the actor from the request that caused them.
 */
public record TimelineActor(String subject, String role, String name) {

    /** Where each event type names who acted: subject field, role, name field (absent in older events). */
    record Fields(String subject, String role, String name) {
    }

    static final Map<String, Fields> FIELDS = Map.of(
            "consilium.specialist.accepted.v1", new Fields("specialistSubject", "specialist", "specialistName"),
            "consilium.specialist.declined.v1", new Fields("specialistSubject", "specialist", "specialistName"),
            "consilium.report.submitted.v1", new Fields("specialistSubject", "specialist", "specialistName"),
            "consilium.report.addendum-added.v1", new Fields("specialistSubject", "specialist", "specialistName"),
            "consilium.report.changes-requested.v1", new Fields("requestedBy", "case-manager", "requestedByName"),
            "consilium.report.approved.v1", new Fields("approvedBy", "case-manager", "approvedByName"),
            "consilium.report.released.v1", new Fields("releasedBy", "case-manager", "releasedByName"));

    /**
     * Document events that say only the role of whoever acted (a patient's name never goes on a topic, and
     * document-service names no staff): the uploader's role, and the specimen steps only the personal doctor takes.
     * The role field's name, or null where the role is always the same.
     */
    static final Map<String, String> ROLE_FIELDS = Map.of("consilium.document.uploaded.v1", "uploadedByRole");
    static final Map<String, String> FIXED_ROLES = Map.of(
            "consilium.document.specimen-requested.v1", "case-manager",
            "consilium.document.specimen-shipped.v1", "case-manager");

    /** The role an event says acted without naming the person, for the case to say who that is. */
    public static Optional<String> roleOnly(String type, Function<String, String> field) {
        String fixed = FIXED_ROLES.get(type);
        if (fixed != null) {
            return Optional.of(fixed);
        }
        String roleField = ROLE_FIELDS.get(type);
        return roleField == null ? Optional.empty() : Optional.ofNullable(blankToNull(field.apply(roleField)));
    }

    /**
     * The actor another service's event names.
     *
     * @param field a payload's top-level text field by name (null or blank when absent)
     */
    public static Optional<TimelineActor> named(String type, Function<String, String> field) {
        Fields fields = FIELDS.get(type);
        if (fields == null) {
            return Optional.empty();
        }
        String subject = blankToNull(field.apply(fields.subject()));
        if (subject == null) {
            return Optional.empty();
        }
        return Optional.of(new TimelineActor(subject, fields.role(), blankToNull(field.apply(fields.name()))));
    }

    /**
     * The name a viewer is shown. A patient's name is for the patient and their personal doctor: the partner and
     * ops see case metadata only, so for them a patient is their role (minimum necessary). Staff are shown by name
     * to everyone who sees the case; without a kept name, the subject.
     */
    public String nameFor(boolean viewerSeesClinicalContent) {
        if ("patient".equals(role) && !viewerSeesClinicalContent) {
            return null;
        }
        return name != null ? name : subject;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
