package io.consilium.cases.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** What one released report concluded, kept for outcome statistics. */
@Entity
@Table(name = "report_outcome")
@IdClass(ReportOutcome.Key.class)
public class ReportOutcome extends PanacheEntityBase {

    public record Key(UUID caseId, UUID reportId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "case_id")
    public UUID caseId;
    @Id
    @Column(name = "report_id")
    public UUID reportId;
    /** CONFIRMED, REFINED or CHANGED */
    @Column(name = "diagnosis_assessment", nullable = false)
    public String diagnosisAssessment;
    /** YES, NO or UNCERTAIN */
    @Column(name = "surgery_necessary", nullable = false)
    public String surgeryNecessary;
    @Column(name = "treatment_changed", nullable = false)
    public boolean treatmentChanged;
    @Column(name = "released_at", nullable = false)
    public Instant releasedAt;
}
