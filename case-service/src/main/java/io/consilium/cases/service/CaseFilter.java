package io.consilium.cases.service;

import io.consilium.cases.domain.CaseState;
import io.consilium.cases.domain.Urgency;

import java.time.Instant;

/** Optional narrowing of a case list; the caller's own scope is always applied on top. */
public record CaseFilter(CaseState state, String tenant, String requestedSpecialty, Urgency urgency,
                         Instant createdFrom, Instant createdTo) {
}
