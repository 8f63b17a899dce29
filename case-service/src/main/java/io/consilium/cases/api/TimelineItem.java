package io.consilium.cases.api;

import io.consilium.cases.domain.TimelineEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * One event of a case's timeline: metadata, so every role that sees the case may see it, and a note for those who
 * see its content (the patient and the personal doctor; never the partner or ops).
 */
public record TimelineItem(UUID eventId, String type, String source, Instant occurredAt,
                           @Schema(description = "For the patient and the personal doctor only (not partner or ops): e.g. why the records were marked complete while checklist items were open",
                                   examples = "Records marked complete over open checklist items (IMAGING): The outside MRI cannot be obtained; the specialists agreed to review the CT instead")
                           String note) {

    static TimelineItem of(TimelineEntry e, boolean content) {
        return new TimelineItem(e.eventId, e.type, e.source, e.occurredAt, content ? e.note : null);
    }
}
