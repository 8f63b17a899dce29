package io.consilium.platform.audit;

/**
 * What was accessed and why.
 *
 * @param objectType e.g. {@code case}, {@code document}, {@code report}
 * @param action     {@code READ}, {@code CREATE}, {@code UPDATE}, {@code DOWNLOAD}, ...
 * @param purpose    why, e.g. {@code care}, {@code intake}, {@code break-glass: <reason>}
 * @param tenant     the object's tenant (not the caller's), so audit consumers can keep tenants apart
 */
public record AuditedAccess(String objectType, String objectId, String caseId, String tenant, String action,
                            String purpose) {
}
