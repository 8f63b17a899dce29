package io.consilium.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What this service knows of a case from other services' events: its tenant, patient, personal doctor and state.
 * The tenant is fixed by the first event seen; an event naming another tenant for a known case is refused.
 */
@Entity
@Table(name = "case_file")
public class CaseFile extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;
    @Column(nullable = false)
    public String tenant;
    @Column(name = "patient_id")
    public String patientId;
    @Column(name = "manager_id")
    public String managerId;
    public String state;
    /** The patient's preferred language (ISO 639-1), from the submission. */
    public String language;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static CaseFile open(UUID caseId, String tenant, Instant now) {
        CaseFile file = new CaseFile();
        file.caseId = Objects.requireNonNull(caseId);
        file.tenant = Objects.requireNonNull(tenant);
        file.updatedAt = now;
        return file;
    }

    /** An event of another tenant about this case breaks the contract; it must not reach this tenant's people. */
    public boolean belongsTo(String eventTenant) {
        return tenant.equals(eventTenant);
    }

    public void patient(String patientId, Instant now) {
        if (patientId != null && !patientId.isBlank()) {
            this.patientId = patientId;
            this.updatedAt = now;
        }
    }

    public void language(String language, Instant now) {
        if (language != null && language.matches("[a-z]{2}")) {
            this.language = language;
            this.updatedAt = now;
        }
    }

    public void manager(String managerId, Instant now) {
        this.managerId = managerId;
        this.updatedAt = now;
    }

    /** Moves the state the event implies (see {@link CaseStates}); unknown events leave it. */
    public void after(String eventType, Instant now) {
        String next = CaseStates.after(eventType, state);
        if (!Objects.equals(next, state)) {
            state = next;
            updatedAt = now;
        }
    }
}
