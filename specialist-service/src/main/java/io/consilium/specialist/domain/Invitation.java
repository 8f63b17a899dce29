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

import java.time.Duration;
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
    /** The seat this invitation is for; null only for answers from before seats (they hold none now). */
    public Integer seat;
    /** The seat's specialty and focus, as the specialist is shown them. */
    @Column(name = "seat_specialty")
    public String seatSpecialty;
    @Column(name = "seat_focus")
    public String seatFocus;
    /** The deadline to accept: the plan's time for the case's urgency from the invitation. */
    @Column(nullable = false)
    public Instant deadline;
    /** Hours from accepting to the report (the plan's for the case's urgency), shown before accepting. */
    @Column(name = "report_within_hours")
    public Integer reportWithinHours;
    /** Set on accepting: when the report is due. */
    @Column(name = "report_due_by")
    public Instant reportDueBy;
    /** When a reminder goes out if the specialist has not answered yet, and when it went. */
    @Column(name = "remind_at")
    public Instant remindAt;
    @Column(name = "reminded_at")
    public Instant remindedAt;
    @Column(name = "responded_at")
    public Instant respondedAt;
    @Column(name = "decline_reason")
    public String declineReason;
    /** When the specialist's first report version arrived (its turnaround is counted once). */
    @Column(name = "report_submitted_at")
    public Instant reportSubmittedAt;
    @Version
    public long version;

    /**
     * Invites {@code specialist} to {@code seat}: they have {@code acceptWithin} to accept, are reminded
     * {@code remindBefore} the deadline (at most half-way through, so a short window still gets its reminder
     * after the invitation), and then have {@code reportWithinHours} to report.
     */
    public static Invitation issue(UUID caseId, Seat seat, Candidate specialist, Double score, Instant now,
                                   Duration acceptWithin, Duration remindBefore, int reportWithinHours) {
        Invitation i = new Invitation();
        i.id = UUID.randomUUID();
        i.caseId = caseId;
        i.seat = seat.number();
        i.seatSpecialty = seat.specialty();
        i.seatFocus = seat.focus();
        i.specialistId = specialist.id();
        i.specialistSubject = specialist.subject();
        i.specialistCountry = specialist.practiceCountry();
        i.state = InvitationState.INVITED;
        i.score = score;
        i.invitedAt = now;
        i.deadline = now.plus(acceptWithin);
        Duration lead = remindBefore.compareTo(acceptWithin.dividedBy(2)) < 0 ? remindBefore : acceptWithin.dividedBy(2);
        i.remindAt = i.deadline.minus(lead);
        i.reportWithinHours = reportWithinHours;
        return i;
    }

    public boolean isReminderDue(Instant now) {
        return state == InvitationState.INVITED && remindedAt == null && remindAt != null && !now.isBefore(remindAt)
                && now.isBefore(deadline);
    }

    /** The reminder went out; there is one per invitation. */
    public void reminded(Instant now) {
        if (!isReminderDue(now)) {
            throw new ProblemException.Conflict("The invitation has no reminder due");
        }
        remindedAt = now;
    }

    public static List<Invitation> ofCase(UUID caseId) {
        return list("caseId = ?1 order by invitedAt, id", caseId);
    }

    public void accept(Instant now) {
        if (state == InvitationState.INVITED && !now.isBefore(deadline)) {
            throw new ProblemException.Conflict("The invitation's deadline has passed");
        }
        moveTo(InvitationState.ACCEPTED, now);
        if (reportWithinHours != null) {
            reportDueBy = now.plus(Duration.ofHours(reportWithinHours));
        }
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
