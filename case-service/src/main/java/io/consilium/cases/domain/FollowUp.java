package io.consilium.cases.domain;

import io.consilium.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A planned check-in after the report (e.g. at 30, 90 and 180 days) and, once recorded, its outcome. */
@Entity
@Table(name = "follow_up")
public class FollowUp extends PanacheEntityBase {

    /** Whether the patient followed the second opinion. */
    public enum OpinionFollowed { YES, NO, PARTLY, UNDECIDED }

    @Id
    public UUID id;
    @Column(name = "case_id", nullable = false)
    public UUID caseId;
    @Column(name = "due_at", nullable = false)
    public Instant dueAt;
    @Column(name = "treatment_chosen")
    public String treatmentChosen;
    @Column(name = "opinion_followed")
    public String opinionFollowed;
    @Column(name = "provider_id")
    public String providerId;
    /** The treatment chosen as a catalogue code, when it has one. */
    @Column(name = "treatment_code")
    public String treatmentCode;
    public String notes;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "recorded_by")
    public String recordedBy;
    /** When {@code follow-up-due} was published for it; null until then. */
    @Column(name = "due_announced_at")
    public Instant dueAnnouncedAt;
    @Version
    public long version;

    public static FollowUp plan(UUID caseId, Instant dueAt) {
        FollowUp f = new FollowUp();
        f.id = UUID.randomUUID();
        f.caseId = caseId;
        f.dueAt = dueAt;
        return f;
    }

    /**
     * Marks the check-in as announced when it is due at {@code now} and still has no outcome.
     *
     * @return true the first time only, so the caller publishes {@code follow-up-due} once
     */
    public boolean announceDue(Instant now) {
        if (recordedAt != null || dueAnnouncedAt != null || dueAt.isAfter(now)) {
            return false;
        }
        dueAnnouncedAt = now;
        return true;
    }

    public void record(String treatment, OpinionFollowed followed, String provider, String notes, String by,
                       Instant now) {
        if (recordedAt != null) {
            throw new ProblemException.Conflict("This follow-up was already recorded");
        }
        this.treatmentChosen = treatment;
        this.opinionFollowed = followed.name();
        this.providerId = provider;
        this.notes = notes;
        this.recordedBy = by;
        this.recordedAt = now;
    }
}
