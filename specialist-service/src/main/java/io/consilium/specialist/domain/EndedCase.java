package io.consilium.specialist.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A case case-service has cancelled or closed, remembered even when it never had a panel here, so a review
 * request that arrives after the end (out of order, or replayed by ops) invites nobody.
 */
@Entity
@Table(name = "ended_case")
public class EndedCase extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PanelState state;
    @Column(name = "ended_at", nullable = false)
    public Instant endedAt;

    public static void record(UUID caseId, PanelState state, Instant now) {
        if (findById(caseId) == null) {
            EndedCase ended = new EndedCase();
            ended.caseId = caseId;
            ended.state = state;
            ended.endedAt = now;
            ended.persist();
        }
    }
}
