package io.consilium.specialist.domain;

import io.consilium.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A specialist's invitation to a case's panel. State changes only through its methods (409 when illegal). */
@Entity
@Table(name = "invitation")
public class Invitation extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "case_id", nullable = false)
    public UUID caseId;
    @Column(name = "specialist_id", nullable = false)
    public UUID specialistId;
    @Column(name = "specialist_subject", nullable = false)
    public String specialistSubject;
    @Column(name = "specialist_country", nullable = false)
    public String specialistCountry;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InvitationState state;
    public Double score;
    @Column(nullable = false)
    public boolean overridden;
    @Column(name = "override_reason")
    public String overrideReason;
    @Column(name = "invited_at", nullable = false)
    public Instant invitedAt;
    @Column(nullable = false)
    public Instant deadline;
    @Column(name = "responded_at")
    public Instant respondedAt;
    @Column(name = "decline_reason")
    public String declineReason;
    /** When the specialist's first report version arrived (its turnaround is counted once). */
    @Column(name = "report_submitted_at")
    public Instant reportSubmittedAt;
    @Version
    public long version;

    public static Invitation issue(UUID caseId, Candidate specialist, Double score, Instant now, Instant deadline) {
        Invitation i = new Invitation();
        i.id = UUID.randomUUID();
        i.caseId = caseId;
        i.specialistId = specialist.id();
        i.specialistSubject = specialist.subject();
        i.specialistCountry = specialist.practiceCountry();
        i.state = InvitationState.INVITED;
        i.score = score;
        i.invitedAt = now;
        i.deadline = deadline;
        return i;
    }

    public static List<Invitation> ofCase(UUID caseId) {
        return list("caseId = ?1 order by invitedAt, id", caseId);
    }

    public void accept(Instant now) {
        if (state == InvitationState.INVITED && !now.isBefore(deadline)) {
            throw new ProblemException.Conflict("The invitation's deadline has passed");
        }
        moveTo(InvitationState.ACCEPTED, now);
    }

    public void decline(String reason, Instant now) {
        moveTo(InvitationState.DECLINED, now);
        declineReason = reason;
    }

    public boolean isDue(Instant now) {
        return state == InvitationState.INVITED && !now.isBefore(deadline);
    }

    public void expire(Instant now) {
        if (!isDue(now)) {
            throw new ProblemException.Conflict("The invitation is not past its deadline");
        }
        moveTo(InvitationState.EXPIRED, now);
    }

    /**
     * The specialist's first report version for this case arrived.
     *
     * @return days from acceptance to the report, or empty when this invitation's report was counted before
     */
    public java.util.OptionalDouble reportSubmitted(Instant submittedAt) {
        if (reportSubmittedAt != null || respondedAt == null
                || (state != InvitationState.ACCEPTED && state != InvitationState.RELEASED)) {
            return java.util.OptionalDouble.empty();
        }
        reportSubmittedAt = submittedAt;
        return java.util.OptionalDouble.of(Math.max(0, java.time.Duration.between(respondedAt, submittedAt).toMinutes()) / 1440.0);
    }

    /** The case ended before the specialist answered. */
    public void withdraw(Instant now) {
        moveTo(InvitationState.WITHDRAWN, now);
    }

    /** The case ended after the specialist accepted: their seat is given back. */
    public void release(Instant now) {
        moveTo(InvitationState.RELEASED, now);
    }

    private void moveTo(InvitationState next, Instant now) {
        if (!state.mayMoveTo(next)) {
            throw new ProblemException.Conflict("An invitation in state " + state + " cannot move to " + next);
        }
        state = next;
        if (next != InvitationState.RELEASED && next != InvitationState.WITHDRAWN) {
            respondedAt = now;
        }
    }
}
