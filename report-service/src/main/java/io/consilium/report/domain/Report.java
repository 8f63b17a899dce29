package io.consilium.report.domain;

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
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * One specialist's report on one case. Its state changes only through the methods below, which refuse what the
 * lifecycle does not allow (409). Submitted content is never changed: each submission and each addendum is a new
 * {@link ReportVersion}; the draft is only the working copy.
 */
@Entity
@Table(name = "report")
public class Report extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "case_id", nullable = false)
    public UUID caseId;
    @Column(name = "specialist_subject", nullable = false)
    public String specialistSubject;
    @Column(name = "specialist_id")
    public String specialistId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReportState state;
    /** The working copy as canonical JSON. */
    @Column(nullable = false)
    public String draft;
    /** Number of the latest immutable version, 0 before the first submission. */
    @Column(name = "latest_version", nullable = false)
    public int latestVersion;
    @Column(name = "review_comment")
    public String reviewComment;
    @Column(name = "reviewed_by")
    public String reviewedBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "released_at")
    public Instant releasedAt;
    /** The author's name: the directory's at acceptance, then the author's token's at each submission. */
    @Column(name = "specialist_name")
    public String specialistName;
    /** The author's specialty, institution and country of practice: the directory's at acceptance (may be null). */
    @Column(name = "specialist_specialty")
    public String specialistSpecialty;
    @Column(name = "specialist_institution")
    public String specialistInstitution;
    @Column(name = "specialist_country")
    public String specialistCountry;
    /** The name of the personal doctor who last reviewed (changes requested or approved), from their token. */
    @Column(name = "reviewed_by_name")
    public String reviewedByName;
    @Column(name = "released_by")
    public String releasedBy;
    @Column(name = "released_by_name")
    public String releasedByName;
    /** When the first submission is due (from the acceptance; null when the acceptance named no deadline). */
    @Column(name = "due_by")
    public Instant dueBy;
    /** When the report was found past {@link #dueBy} without a submission (flagged once). */
    @Column(name = "overdue_at")
    public Instant overdueAt;
    @Version
    public long version;

    public static Report open(UUID caseId, String specialistSubject, String specialistId, Instant now) {
        Report r = new Report();
        r.id = UUID.randomUUID();
        r.caseId = caseId;
        r.specialistSubject = specialistSubject;
        r.specialistId = specialistId;
        r.state = ReportState.DRAFT;
        r.draft = CanonicalJson.write(ReportContent.empty());
        r.latestVersion = 0;
        r.createdAt = now;
        r.updatedAt = now;
        return r;
    }

    public ReportContent content() {
        return CanonicalJson.read(draft, ReportContent.class);
    }

    /** Autosave of the working copy: only while the specialist is writing. */
    public void saveDraft(ReportContent content, Instant now) {
        require(EnumSet.of(ReportState.DRAFT, ReportState.CHANGES_REQUESTED), "edited");
        draft = CanonicalJson.write(content);
        updatedAt = now;
    }

    /**
     * Freezes the working copy as the next version, answering the questions of the case's brief: 409 while the
     * brief has not arrived ({@link CaseFile#questionsToAnswer}), 422 naming what is missing.
     */
    public ReportVersion submit(CaseFile file, Instant now) {
        require(EnumSet.of(ReportState.DRAFT, ReportState.CHANGES_REQUESTED), "submitted");
        return submit(CaseFile.questionsToAnswer(file), now);
    }

    /** Freezes the working copy as the next version; 422 naming what is missing. */
    public ReportVersion submit(Collection<String> patientQuestions, Instant now) {
        require(EnumSet.of(ReportState.DRAFT, ReportState.CHANGES_REQUESTED), "submitted");
        List<String> problems = SubmissionCheck.problems(content(), patientQuestions);
        if (!problems.isEmpty()) {
            throw new ProblemException.Unprocessable("The report cannot be submitted yet: " + String.join("; ", problems));
        }
        state = ReportState.SUBMITTED;
        reviewComment = null;
        latestVersion++;
        updatedAt = now;
        return ReportVersion.of(this, latestVersion, VersionKind.SUBMISSION, draft, specialistSubject, now);
    }

    /**
     * Flags a report whose deadline passed before its first submission, once. Submitting late stays possible:
     * an opinion is still better late than never, and the personal doctor decides what to do (the flag and the
     * event make it visible); a deadline is not a reason to lose the specialist's work.
     *
     * @return whether it was flagged now
     */
    public boolean flagOverdue(Instant now) {
        if (dueBy == null || overdueAt != null || latestVersion > 0 || !now.isAfter(dueBy)
                || !EnumSet.of(ReportState.DRAFT, ReportState.CHANGES_REQUESTED).contains(state)) {
            return false;
        }
        overdueAt = now;
        return true;
    }

    /** Whether a submission at {@code at} comes after the deadline (a report without one is never late). */
    public boolean lateAt(Instant at) {
        return dueBy != null && at.isAfter(dueBy);
    }

    public void requestChanges(String comment, String manager, Instant now) {
        requestChanges(comment, manager, null, now);
    }

    /** @param managerName the reviewer's name as their token gave it (null: none given) */
    public void requestChanges(String comment, String manager, String managerName, Instant now) {
        require(EnumSet.of(ReportState.SUBMITTED), "sent back for changes");
        state = ReportState.CHANGES_REQUESTED;
        reviewComment = comment;
        reviewedBy = manager;
        reviewedByName = managerName;
        updatedAt = now;
    }

    /**
     * The case's questions changed after this report was submitted (the personal doctor added or reworded one):
     * it goes back to its specialist for the answers it lacks, as if changes had been requested. Only a report
     * under review or approved and not yet released: a released report is never changed, and a draft is checked
     * against the new questions when it is submitted.
     *
     * @return whether the report was reopened (false: it was not under review or approved)
     */
    public boolean reopenForQuestions(List<String> questionIds, Instant now) {
        if (!EnumSet.of(ReportState.SUBMITTED, ReportState.APPROVED).contains(state)) {
            return false;
        }
        state = ReportState.CHANGES_REQUESTED;
        reviewComment = "The patient's questions changed after this report was submitted; please answer: "
                + String.join(", ", questionIds);
        updatedAt = now;
        return true;
    }

    public void approve(String manager, Instant now) {
        approve(manager, null, now);
    }

    public void approve(String manager, String managerName, Instant now) {
        require(EnumSet.of(ReportState.SUBMITTED), "approved");
        state = ReportState.APPROVED;
        reviewedBy = manager;
        reviewedByName = managerName;
        updatedAt = now;
    }

    public void release(Instant now) {
        release(null, null, now);
    }

    /** @param by who released it (the personal doctor's subject), kept with their name for the report's readers */
    public void release(String by, String byName, Instant now) {
        require(EnumSet.of(ReportState.APPROVED), "released");
        state = ReportState.RELEASED;
        releasedAt = now;
        releasedBy = by;
        releasedByName = byName;
        updatedAt = now;
    }

    /**
     * The author's name for a new version: the token's at the time of writing, else the directory's kept at
     * acceptance; the token's becomes the report's from then on. A token without a {@code name} claim gives its
     * login ({@code preferred_username}) instead: that is no person's name, so it never replaces the directory's
     * (issue 13: the patient's summary names the experts; it showed logins and subjects).
     */
    public String authorNameNow(String tokenName) {
        boolean login = tokenName == null || tokenName.isBlank() || tokenName.equals(specialistSubject)
                || !tokenName.strip().contains(" ");
        if (!login || (specialistName == null && tokenName != null && !tokenName.isBlank())) {
            specialistName = tokenName;
        }
        return specialistName;
    }

    /** An answer to a follow-up question after release, as a new immutable version. */
    public ReportVersion addAddendum(Addendum addendum, Instant now) {
        require(EnumSet.of(ReportState.RELEASED), "given an addendum");
        latestVersion++;
        updatedAt = now;
        return ReportVersion.of(this, latestVersion, VersionKind.ADDENDUM, CanonicalJson.write(addendum),
                specialistSubject, now);
    }

    private void require(EnumSet<ReportState> allowed, String what) {
        if (!allowed.contains(state)) {
            throw new ProblemException.Conflict("A report in state " + state + " cannot be " + what);
        }
    }

    public static List<Report> ofCase(UUID caseId) {
        return list("caseId = ?1 order by createdAt, id", caseId);
    }

    /** The content of an addendum version. */
    public record Addendum(UUID questionId, String question, String answer, int answersVersion) {
    }
}
