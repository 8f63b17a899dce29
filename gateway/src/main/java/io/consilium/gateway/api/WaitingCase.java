package io.consilium.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.consilium.gateway.domain.WaitingOn;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A case as case-service lists it to the caller, with what it waits on. */
public record WaitingCase(@Schema(description = "records, specialists, discussion, ...; null for a finished case")
                          String waitingOn,
                          @Schema(description = "case-service's summary of the case, as the caller may see it")
                          JsonNode summary) {

    static WaitingCase of(JsonNode summary) {
        return new WaitingCase(WaitingOn.of(summary.path("state").asText(null)).orElse(null), summary);
    }
}
