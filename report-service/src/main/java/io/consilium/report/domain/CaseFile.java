package io.consilium.report.domain;

import io.consilium.platform.problem.ProblemException;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    /** What the patient came with, from the latest brief (the summary's "what changed"); null before one. */
    @Column(name = "brief_diagnosis")
    public String briefDiagnosis;
    @Column(name = "brief_diagnosis_icd10")
    public String briefDiagnosisIcd10;
    @Column(name = "brief_proposed_treatment")
    public String briefProposedTreatment;
    @Column(name = "panel_size")
    public Integer panelSize;
    /** Set when case-service cancels the case: from then on its reports are read-only. */
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Version
    public long version;

    public static final String BRIEF_NOT_RECEIVED = "BRIEF_NOT_RECEIVED";

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
     * has arrived (the patient's own included), before that the standard codes of the submission (what reports
     * submitted before briefs existed were checked against).
     */
    public List<String> questionIds() {
        return briefChangedAt == null ? List.copyOf(questions)
                : briefQuestions.stream().map(BriefQuestion::questionId).toList();
    }

    /**
     * The questions a submission must answer: the brief's. Before case-service's brief has arrived the report
     * cannot know all of them (the patient's own questions travel only in the brief), so a submission then would
     * freeze a report that misses some: 409 {@code BRIEF_NOT_RECEIVED}, and the specialist submits once it is in.
     */
    public static List<String> questionsToAnswer(CaseFile file) {
        if (file == null || file.briefChangedAt == null) {
            throw new ProblemException.Conflict("The specialists' brief of this case has not reached the reports yet, "
                    + "so not every question the report must answer is known; submit again in a moment")
                    .with("reason", BRIEF_NOT_RECEIVED);
        }
        return file.questionIds();
    }

    /**
     * A newer brief replaces the questions; an older one arriving late changes nothing.
     *
     * @return the ids of the new brief's questions that were not in the previous brief or whose wording changed
     *         (the patient's own questions keep their id when rewritten); empty when the brief was not kept or is
     *         the first one
     */
    public BriefChange briefChanged(List<BriefQuestion> newQuestions, Instant changedAt) {
        if (briefChangedAt != null && changedAt.isBefore(briefChangedAt)) {
            return new BriefChange(false, List.of());
        }
        List<String> changed = new ArrayList<>();
        if (briefChangedAt != null) {
            Map<String, BriefQuestion> before = new HashMap<>();
            briefQuestions.forEach(q -> before.put(q.questionId(), q));
            for (BriefQuestion q : newQuestions) {
                BriefQuestion old = before.get(q.questionId());
                if (old == null || !Objects.equals(old.text(), q.text())) {
                    changed.add(q.questionId());
                }
            }
        }
        briefQuestions = List.copyOf(newQuestions);
        briefChangedAt = changedAt;
        return new BriefChange(true, List.copyOf(changed));
    }

    /** The rest of a kept brief ({@link BriefChange#kept}): what the patient came with, bounded as the columns are. */
    public void cameWith(String diagnosis, String icd10, String proposedTreatment) {
        briefDiagnosis = bounded(diagnosis, 2000);
        briefDiagnosisIcd10 = icd10 != null && icd10.matches("[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?") ? icd10 : null;
        briefProposedTreatment = bounded(proposedTreatment, 4000);
    }

    private static String bounded(String s, int max) {
        return s == null || s.isBlank() ? null : s.substring(0, Math.min(max, s.length()));
    }

    /** What a brief did to the questions: whether it was kept, and which questions are new or reworded. */
    public record BriefChange(boolean kept, List<String> newOrReworded) {
    }

    public boolean cancelled() {
        return cancelledAt != null;
    }

    public String language() {
        return preferredLanguage == null ? "en" : preferredLanguage;
    }
}
