package io.consilium.document.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A specialist's latest answer to the invitation for a case (specialist-service's events). */
@Entity
@Table(name = "case_specialist")
public class CaseSpecialist extends PanacheEntityBase {

    public enum Answer { ACCEPTED, DECLINED, EXPIRED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "case_id", nullable = false)
    public UUID caseId;
    @Column(name = "specialist_subject", nullable = false)
    public String specialistSubject;
    @Column(name = "specialist_id")
    public String specialistId;
    public String country;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Answer state;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static List<CaseSpecialist> ofCase(UUID caseId) {
        return list("caseId", caseId);
    }

    public static CaseSpecialist getOrCreate(UUID caseId, String subject) {
        CaseSpecialist found = find("caseId = ?1 and specialistSubject = ?2", caseId, subject).firstResult();
        if (found == null) {
            found = new CaseSpecialist();
            found.caseId = caseId;
            found.specialistSubject = subject;
        }
        return found;
    }
}
