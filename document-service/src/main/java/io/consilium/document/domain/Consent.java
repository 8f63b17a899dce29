package io.consilium.document.domain;

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

/** A consent the patient granted on a case; revocation keeps the row and sets {@code revokedAt}. */
@Entity
@Table(name = "case_consent")
public class Consent extends PanacheEntityBase {

    public static final String RECORDS_TO_SPECIALISTS = "RECORDS_TO_SPECIALISTS";

    @Id
    @Column(name = "consent_id")
    public UUID consentId;
    @Column(name = "case_id", nullable = false)
    public UUID caseId;
    @Column(nullable = false)
    public String purpose;
    /** Empty: any specialist who accepted the case. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "specialist_subjects", nullable = false)
    public List<String> specialistSubjects = new ArrayList<>();
    /** Empty: any country. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> countries = new ArrayList<>();
    @Column(name = "granted_at")
    public Instant grantedAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;

    public boolean active() {
        return revokedAt == null;
    }

    public static List<Consent> ofCase(UUID caseId) {
        return list("caseId", caseId);
    }
}
