package io.consilium.report.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What report-service knows of a case from case-service's events: whose it is, who manages it, the language of
 * the fixed texts and the questions the reports must answer. Events arrive in any order, so every field is filled
 * by whichever event carries it.
 */
@Entity
@Table(name = "case_file")
public class CaseFile extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;
    public String tenant;
    @Column(name = "patient_id")
    public String patientId;
    @Column(name = "manager_id")
    public String managerId;
    @Column(name = "preferred_language")
    public String preferredLanguage;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> questions = new ArrayList<>();
    /** Every question of the latest brief, in its order; empty until case-service has sent a brief. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "brief_questions", nullable = false)
    public List<BriefQuestion> briefQuestions = new ArrayList<>();
    @Column(name = "brief_changed_at")
    public Instant briefChangedAt;
    @Column(name = "panel_size")
    public Integer panelSize;
    /** Set when case-service cancels the case: from then on its reports are read-only. */
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Version
    public long version;

    /** The case's file, created empty on the first event that names it. */
    public static CaseFile forUpdate(UUID caseId) {
        CaseFile f = findById(caseId, LockModeType.PESSIMISTIC_WRITE);
        if (f == null) {
            f = new CaseFile();
            f.caseId = caseId;
            f.persist();
        }
        return f;
    }

    /**
     * The questions a report must answer, by the id it answers them under: every question of the brief once one
     * has arrived (the patient's own included), before that the standard codes of the submission.
     */
    public List<String> questionIds() {
        return briefChangedAt == null ? List.copyOf(questions)
                : briefQuestions.stream().map(BriefQuestion::questionId).toList();
    }

    /** A newer brief replaces the questions; an older one arriving late changes nothing. */
    public void briefChanged(List<BriefQuestion> newQuestions, Instant changedAt) {
        if (briefChangedAt != null && changedAt.isBefore(briefChangedAt)) {
            return;
        }
        briefQuestions = List.copyOf(newQuestions);
        briefChangedAt = changedAt;
    }

    public boolean cancelled() {
        return cancelledAt != null;
    }

    public String language() {
        return preferredLanguage == null ? "en" : preferredLanguage;
    }
}
