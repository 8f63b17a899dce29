package io.consilium.report.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A patient's consent about reports, mirrored from case-service's consent events. */
@Entity
@Table(name = "case_consent")
public class CaseConsent extends PanacheEntityBase {

    public static final String REPORT_TO_PARTNER = "REPORT_TO_PARTNER";
    public static final String REPORT_TO_TREATING_DOCTOR = "REPORT_TO_TREATING_DOCTOR";

    @Id
    @Column(name = "consent_id")
    public UUID consentId;
    @Column(name = "case_id", nullable = false)
    public UUID caseId;
    @Column(nullable = false)
    public String purpose;
    @Column(name = "granted_at", nullable = false)
    public Instant grantedAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;

    public static boolean active(UUID caseId, String purpose) {
        return count("caseId = ?1 and purpose = ?2 and revokedAt is null", caseId, purpose) > 0;
    }
}
