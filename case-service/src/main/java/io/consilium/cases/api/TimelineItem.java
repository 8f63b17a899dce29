package io.consilium.cases.api;

import io.consilium.cases.domain.TimelineEntry;

import java.time.Instant;
import java.util.UUID;

/** One event of a case's timeline: metadata only, so every role that sees the case may see it. */
public record TimelineItem(UUID eventId, String type, String source, Instant occurredAt) {

    static TimelineItem of(TimelineEntry e) {
        return new TimelineItem(e.eventId, e.type, e.source, e.occurredAt);
    }
}
