package io.consilium.specialist.domain;

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

/** A consent the patient granted on a case (from case-service's events), as far as specialists are concerned. */
@Entity
@Table(name = "case_consent")
public class CaseConsent extends PanacheEntityBase {

    public static final String RECORDS_TO_SPECIALISTS = "RECORDS_TO_SPECIALISTS";

    @Id
    @Column(name = "consent_id")
    public UUID consentId;
    @Column(name = "case_id", nullable = false)
    public UUID caseId;
    @Column(nullable = false)
    public String purpose;
    /** Empty: any specialist who accepted. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "specialist_subjects", nullable = false)
    public List<String> specialistSubjects = new ArrayList<>();
    /** Empty: any country. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> countries = new ArrayList<>();
    /** Null while only a revocation that overtook the grant is known. */
    @Column(name = "granted_at")
    public Instant grantedAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** Whether this consent lets the specialist {@code subject}, practising in {@code country}, see the case's records. */
    public boolean coversSpecialist(String subject, String country) {
        return revokedAt == null
                && RECORDS_TO_SPECIALISTS.equals(purpose)
                && (specialistSubjects.isEmpty() || specialistSubjects.contains(subject))
                && (countries.isEmpty() || countries.contains(country));
    }

    public static List<CaseConsent> ofCase(UUID caseId) {
        return list("caseId", caseId);
    }
}
