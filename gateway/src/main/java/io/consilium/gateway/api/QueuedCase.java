package io.consilium.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.consilium.gateway.domain.NextDeadline;
import io.consilium.gateway.domain.WaitingOn;
import io.consilium.gateway.service.FetchedPart;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** A case in the personal doctor's work queue: what it waits on, its next SLA deadline and its clocks. */
public record QueuedCase(@Schema(description = "records, specialists, discussion, ...; null for a finished case")
                         String waitingOn,
                         @Schema(description = "earliest due time of a running clock; null when none runs or the clocks are missing")
                         Instant nextDueAt,
                         @Schema(description = "that clock's status: ON_TRACK, AT_RISK or BREACHED") String nextStatus,
                         @Schema(description = "case-service's clocks of the case; null when missing or withheld") JsonNode clocks,
                         @Schema(description = "case-service's summary of the case") JsonNode summary) {

    static QueuedCase of(JsonNode summary, FetchedPart clocks) {
        String waitingOn = WaitingOn.of(summary.path("state").asText(null)).orElse(null);
        if (clocks == null || !clocks.shown()) {
            return new QueuedCase(waitingOn, null, null, null, summary);
        }
        var next = NextDeadline.of(read(clocks.body()));
        return new QueuedCase(waitingOn, next.map(NextDeadline.Clock::dueAt).orElse(null),
                next.map(NextDeadline.Clock::status).orElse(null), clocks.body(), summary);
    }

    private static List<NextDeadline.Clock> read(JsonNode clocks) {
        List<NextDeadline.Clock> read = new ArrayList<>();
        for (JsonNode clock : clocks) {
            read.add(new NextDeadline.Clock(clock.path("status").asText(null), instant(clock.path("dueAt").asText(null)),
                    clock.path("paused").asBoolean()));
        }
        return read;
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
