package io.consilium.platform.audit;

import java.time.Instant;

/**
 * The {@code access-recorded} audit event: who touched which object, why, and whether it was allowed.
 * Carries ids only, never clinical content.
 * <p>
 * {@code displayName} is the actor's name as their token gave it at the time ({@link
 * io.consilium.platform.security.Caller#displayName()}), so an access log can say who acted without a directory
 * that may have changed since; null when the token carries none (consumers then show the subject). Added after
 * the first version of the event: consumers must accept records without it.
 */
public record AccessRecorded(String subject, String role, String displayName, String tenant, String objectType,
                             String objectId, String caseId, String action, String purpose, boolean allowed,
                             Instant at) {
}
