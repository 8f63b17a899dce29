package io.consilium.cases.api;

import io.consilium.cases.domain.TimelineEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * One event of a case's timeline: metadata and who acted, so every role that sees the case may see it, and a note
 * for those who see its content (the patient and the personal doctor; never the partner or ops).
 *
 * @param actor who acted, by role and the name kept at the time of the action; null when the system acted (an
 *              expiry, an SLA evaluation) or the event names nobody
 */
public record TimelineItem(UUID eventId, String type, String source, Instant occurredAt, Actor actor,
                           @Schema(description = "For the patient and the personal doctor only (not partner or ops): e.g. why the records were marked complete while checklist items were open",
                                   examples = "Records marked complete over open checklist items (IMAGING): The outside MRI cannot be obtained; the specialists agreed to review the CT instead")
                           String note) {

    @Schema(description = "Who acted. A patient's name is shown to the patient and the personal doctor only; "
            + "partner and ops see the role.")
    public record Actor(@Schema(examples = "2f1c0a4e-7b7d-4c55-9d0e-6a7b8c9d0e1f") String subject,
                        @Schema(examples = "case-manager") String role,
                        @Schema(examples = "Dr. Carla Ruiz") String name) {
    }

    static TimelineItem of(TimelineEntry e, boolean viewerSeesClinicalContent) {
        Actor actor = e.actor().map(a -> new Actor(
                "patient".equals(a.role()) && !viewerSeesClinicalContent ? null : a.subject(),
                a.role(), a.nameFor(viewerSeesClinicalContent))).orElse(null);
        return new TimelineItem(e.eventId, e.type, e.source, e.occurredAt, actor,
                viewerSeesClinicalContent ? e.note : null);
    }
}
