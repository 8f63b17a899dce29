package io.consilium.cases.domain;

/**
 * Who opens a case and for whom: a patient opens one for themself, a partner for a member of its tenant.
 * The tenant always comes from the caller's token, never from the request body.
 */
public record Opener(String subject, String role, String tenant) {
}
