package io.consilium.cases.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code consilium.case.records-requested.v1} ({@code docs/events.md}). */
public record RecordsRequested(UUID caseId, String tenant, List<Item> items, String requestedBy, Instant requestedAt) {

    /** One record the personal doctor needs, e.g. {@code PATHOLOGY_REPORT}. */
    public record Item(String code, String label, boolean required) {
    }
}
