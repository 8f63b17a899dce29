package io.consilium.platform.audit;

import java.time.Instant;

/**
 * The {@code access-recorded} audit event: who touched which object, why, and whether it was allowed.
 * Carries ids only, never clinical content.
 */
public record AccessRecorded(String subject, String role, String tenant, String objectType, String objectId,
                             String caseId, String action, String purpose, boolean allowed, Instant at) {
}
