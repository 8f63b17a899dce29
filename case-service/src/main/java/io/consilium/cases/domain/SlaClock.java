package io.consilium.cases.domain;

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
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * One service-level clock of a case: submission to records complete ({@link Kind#RECORDS}) or review requested
 * to report released ({@link Kind#REVIEW}). Its budget is a number of business days from the start, skipping
 * weekends and the plan's holidays as they stand when the clock starts; time spent waiting on the patient
 * (paused) moves the due time on by as long as the pause lasted.
 */
@Entity
@Table(name = "sla_clock")
public class SlaClock extends PanacheEntityBase {

    public enum Kind { RECORDS, REVIEW }

    public enum Status { ON_TRACK, AT_RISK, BREACHED, MET }

    /** Share of the budget after which a running clock is at risk. */
    static final double AT_RISK_SHARE = 0.8;

    @Id
    public UUID id;
    @Column(name = "case_id", nullable = false)
    public UUID caseId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;
    @Column(name = "started_at", nullable = false)
    public Instant startedAt;
    @Column(name = "budget_business_days", nullable = false)
    public int budgetBusinessDays;
    /** Start plus the budget in business days, pauses not counted. */
    @Column(name = "budget_ends_at", nullable = false)
    public Instant budgetEndsAt;
    @Column(name = "paused_since")
    public Instant pausedSince;
    @Column(name = "paused_seconds", nullable = false)
    public long pausedSeconds;
    @Column(name = "stopped_at")
    public Instant stoppedAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    @Column(name = "evaluated_at")
    public Instant evaluatedAt;
    @Version
    public long version;

    public static SlaClock start(UUID caseId, Kind kind, int budgetBusinessDays, Instant now,
                                 Set<LocalDate> holidays) {
        SlaClock clock = new SlaClock();
        clock.id = UUID.randomUUID();
        clock.caseId = caseId;
        clock.kind = kind;
        clock.budgetBusinessDays = budgetBusinessDays;
        clock.budgetEndsAt = BusinessDays.add(now, budgetBusinessDays, holidays);
        clock.startedAt = now;
        clock.status = Status.ON_TRACK;
        return clock;
    }

    public boolean running() {
        return stoppedAt == null;
    }

    public boolean paused() {
        return pausedSince != null;
    }

    public void pause(Instant now) {
        if (!running() || paused()) {
            throw new ProblemException.Conflict("The " + kind + " clock is not running");
        }
        pausedSince = now;
    }

    public void resume(Instant now) {
        if (!paused()) {
            throw new ProblemException.Conflict("The " + kind + " clock is not paused");
        }
        pausedSeconds += Duration.between(pausedSince, now).toSeconds();
        pausedSince = null;
    }

    public void stop(Instant now) {
        if (!running()) {
            return;
        }
        if (paused()) {
            resume(now);
        }
        stoppedAt = now;
        status = now.isAfter(dueAt(now)) ? Status.BREACHED : Status.MET;
        evaluatedAt = now;
    }

    /** When the budget runs out, counting pauses up to {@code now}. */
    public Instant dueAt(Instant now) {
        return budgetEndsAt.plusSeconds(pausedSeconds(now));
    }

    /** Re-evaluates a running clock. @return true when its status changed */
    public boolean evaluate(Instant now) {
        if (!running()) {
            return false;
        }
        Duration budget = Duration.between(startedAt, budgetEndsAt);
        Duration used = Duration.between(startedAt, now).minusSeconds(pausedSeconds(now));
        Status next;
        if (used.compareTo(budget) > 0) {
            next = Status.BREACHED;
        } else if (used.toSeconds() >= budget.toSeconds() * AT_RISK_SHARE) {
            next = Status.AT_RISK;
        } else {
            next = Status.ON_TRACK;
        }
        evaluatedAt = now;
        boolean changed = next != status;
        status = next;
        return changed;
    }

    private long pausedSeconds(Instant now) {
        return pausedSeconds + (paused() ? Duration.between(pausedSince, now).toSeconds() : 0);
    }
}
