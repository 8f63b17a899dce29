package io.consilium.report.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One lifecycle step of a case (case-service's event of it), for the bundle's Tasks. */
@Entity
@Table(name = "case_step")
public class CaseStep extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "case_id", nullable = false)
    public UUID caseId;
    /** The case's state the event moved it to, e.g. SUBMITTED, IN_REVIEW, CLOSED. */
    @Column(nullable = false)
    public String step;
    @Column(nullable = false)
    public Instant at;

    public static List<CaseStep> ofCase(UUID caseId) {
        return list("caseId = ?1 order by at, eventId", caseId);
    }
}
