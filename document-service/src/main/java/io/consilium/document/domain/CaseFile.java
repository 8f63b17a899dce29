package io.consilium.document.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * What document-service knows about a case: whose it is and who manages it, projected from case-service's
 * events. Access decisions are made from this row, the consents and the specialists' answers.
 */
@Entity
@Table(name = "case_file")
public class CaseFile extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;
    public String tenant;
    @Column(name = "patient_id")
    public String patientId;
    @Column(name = "manager_id")
    public String managerId;
    public String specialty;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "checklist_completed_at")
    public Instant checklistCompletedAt;
    /** When case-service cancelled or closed the case: no specialist reads its records after that. */
    @Column(name = "ended_at")
    public Instant endedAt;
    @Version
    public long version;

    /**
     * The next revision of the case's published checklist state ({@code checklist-changed}). An update in place,
     * not a mapped field: it takes the row lock (two changes of one case publish in revision order) without bumping
     * the file's version, so a document arriving while the doctor reviews another item is no lost-update conflict.
     */
    public static long nextChecklistRevision(UUID caseId) {
        return ((Number) getEntityManager().createNativeQuery(
                        "update case_file set checklist_revision = checklist_revision + 1 where case_id = ?1 returning checklist_revision")
                .setParameter(1, caseId)
                .getSingleResult()).longValue();
    }

    /**
     * The case's row, created on the first event that mentions it. Case and specialist events arrive on two
     * channels concurrently, so creation is an insert that tolerates the other channel winning the race.
     */
    public static CaseFile getOrCreate(UUID caseId, String tenant) {
        getEntityManager().createNativeQuery(
                        "insert into case_file (case_id, tenant, version) values (?1, ?2, 0) on conflict (case_id) do nothing")
                .setParameter(1, caseId)
                .setParameter(2, tenant)
                .executeUpdate();
        CaseFile file = findById(caseId);
        if (file.tenant == null) {
            file.tenant = tenant;
        }
        return file;
    }
}
