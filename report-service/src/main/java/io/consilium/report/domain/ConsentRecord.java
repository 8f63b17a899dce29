package io.consilium.report.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Every consent of the case, whatever its purpose, for the bundle's Consent resources. Report access reads
 * {@link CaseConsent} (the two purposes that gate reports), never this.
 */
@Entity
@Table(name = "case_consent_record")
public class ConsentRecord extends PanacheEntityBase {

    @Id
    @Column(name = "consent_id")
    public UUID consentId;
    @Column(name = "case_id", nullable = false)
    public UUID caseId;
    @Column(nullable = false)
    public String purpose;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> countries = new ArrayList<>();
    @Column(name = "granted_at")
    public Instant grantedAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;

    public static List<ConsentRecord> ofCase(UUID caseId) {
        return list("caseId = ?1 order by grantedAt, consentId", caseId);
    }
}
