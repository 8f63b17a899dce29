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
