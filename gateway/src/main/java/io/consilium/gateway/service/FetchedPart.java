package io.consilium.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.consilium.gateway.domain.AggregatePart;

/**
 * A part of an aggregate as it came back: its outcome, its JSON when shown, and the service's own answer (status,
 * bytes, type) when withheld, for an aggregate that answers with it word for word.
 */
public record FetchedPart(AggregatePart part, AggregatePart.Outcome outcome, int status, JsonNode body, byte[] raw,
                          String contentType) {

    static FetchedPart missing(AggregatePart part) {
        return new FetchedPart(part, AggregatePart.Outcome.MISSING, 0, null, null, null);
    }

    public boolean shown() {
        return outcome == AggregatePart.Outcome.SHOWN;
    }

    /** The same part with another body (an aggregate keeping only what it shows of it). */
    public FetchedPart withBody(JsonNode other) {
        return new FetchedPart(part, outcome, status, other, raw, contentType);
    }
}
