package io.consilium.cases.domain;

import io.consilium.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An explicit, revocable consent of the patient for one purpose. */
@Entity
@Table(name = "consent")
public class Consent extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "case_id", nullable = false)
    public UUID caseId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentPurpose purpose;
    /** Empty: any specialist who accepted the case. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "specialist_subjects", nullable = false)
    public List<String> specialistSubjects = new ArrayList<>();
    /** Empty: any country. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> countries = new ArrayList<>();
    @Column(name = "granted_by", nullable = false)
    public String grantedBy;
    @Column(name = "granted_at", nullable = false)
    public Instant grantedAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Version
    public long version;

    public static Consent grant(UUID caseId, ConsentPurpose purpose, List<String> specialists, List<String> countries,
                                String patient, Instant now) {
        Consent c = new Consent();
        c.id = UUID.randomUUID();
        c.caseId = caseId;
        c.purpose = purpose;
        c.specialistSubjects = List.copyOf(specialists);
        c.countries = List.copyOf(countries);
        c.grantedBy = patient;
        c.grantedAt = now;
        return c;
    }

    public boolean active() {
        return revokedAt == null;
    }

    public void revoke(Instant now) {
        if (!active()) {
            throw new ProblemException.Conflict("This consent was already revoked");
        }
        revokedAt = now;
    }

    public static List<Consent> activeFor(UUID caseId, ConsentPurpose purpose) {
        return list("caseId = ?1 and purpose = ?2 and revokedAt is null order by grantedAt", caseId, purpose);
    }
}
