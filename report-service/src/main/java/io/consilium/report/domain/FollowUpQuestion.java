package io.consilium.report.domain;

import io.consilium.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A patient's follow-up question to one specialist after release; at most three per case. */
@Entity
@Table(name = "follow_up_question")
public class FollowUpQuestion extends PanacheEntityBase {

    public static final int MAX_PER_CASE = 3;

    @Id
    public UUID id;
    @Column(name = "case_id", nullable = false)
    public UUID caseId;
    @Column(name = "report_id", nullable = false)
    public UUID reportId;
    @Column(nullable = false)
    public String question;
    @Column(name = "asked_by", nullable = false)
    public String askedBy;
    @Column(name = "asked_at", nullable = false)
    public Instant askedAt;
    @Column(name = "answer_version")
    public Integer answerVersion;
    @Column(name = "answered_at")
    public Instant answeredAt;
    @Version
    public long version;

    public static FollowUpQuestion ask(Report report, String question, String patient, long askedBefore, Instant now) {
        if (report.state != ReportState.RELEASED) {
            throw new ProblemException.Conflict("Follow-up questions can be asked once the report is released");
        }
        if (askedBefore >= MAX_PER_CASE) {
            throw new ProblemException.Unprocessable("At most " + MAX_PER_CASE + " follow-up questions per case");
        }
        FollowUpQuestion q = new FollowUpQuestion();
        q.id = UUID.randomUUID();
        q.caseId = report.caseId;
        q.reportId = report.id;
        q.question = question;
        q.askedBy = patient;
        q.askedAt = now;
        return q;
    }

    /** Answers the question as an addendum (a new immutable version of the report). */
    public ReportVersion answer(Report report, String answer, Instant now) {
        if (answerVersion != null) {
            throw new ProblemException.Conflict("This question was already answered");
        }
        ReportVersion v = report.addAddendum(new Report.Addendum(id, question, answer, report.latestVersion), now);
        answerVersion = v.number;
        answeredAt = now;
        return v;
    }

    public static List<FollowUpQuestion> ofReport(UUID reportId) {
        return list("reportId = ?1 order by askedAt", reportId);
    }
}
