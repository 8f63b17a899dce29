package io.consilium.cases.api;

import io.consilium.cases.domain.SmoCase;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A case without clinical content: what lists show, and all a partner or ops sees of a case. */
public record CaseSummary(UUID id, String tenant, String memberId, String state, String requestedSpecialty,
                          String urgency, String preferredLanguage, String countryOfResidence, List<String> reasons,
                          Instant createdAt, Instant updatedAt, Instant submittedAt, long version) {

    static CaseSummary of(SmoCase c) {
        return new CaseSummary(c.id, c.tenant, c.memberId, c.state.name(), c.requestedSpecialty, c.urgency.name(),
                c.preferredLanguage, c.countryOfResidence, c.reasons, c.createdAt, c.updatedAt, c.submittedAt,
                c.version);
    }
}
