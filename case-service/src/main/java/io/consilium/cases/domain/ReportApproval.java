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

/** A report of the case's panel approved by the personal doctor; when all are, the case is REPORT_READY. */
@Entity
@Table(name = "report_approval")
@IdClass(ReportApproval.Key.class)
public class ReportApproval extends PanacheEntityBase {

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
    @Column(name = "approved_at", nullable = false)
    public Instant approvedAt;
}
