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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A second-opinion case. Its state changes only through its methods, each of which refuses an illegal
 * transition with a 409 and leaves the case as it was.
 */
@Entity
@Table(name = "smo_case")
public class SmoCase extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String tenant;
    @Column(name = "member_id", nullable = false)
    public String memberId;
    @Column(name = "patient_id")
    public String patientId;
    @Column(name = "opened_by", nullable = false)
    public String openedBy;
    @Column(name = "opened_by_role", nullable = false)
    public String openedByRole;
    @Column(name = "manager_id")
    public String managerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseState state;

    @Column(name = "patient_name")
    public String patientName;
    @Column(name = "patient_email")
    public String patientEmail;
    @Column(name = "patient_phone")
    public String patientPhone;
    @Column(name = "preferred_language", nullable = false)
    public String preferredLanguage;
    @Column(name = "country_of_residence", nullable = false)
    public String countryOfResidence;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> reasons = new ArrayList<>();
    @Column(name = "diagnosis_text", nullable = false)
    public String diagnosisText;
    @Column(name = "diagnosis_icd10")
    public String diagnosisIcd10;
    @Column(name = "proposed_treatment")
    public String proposedTreatment;
    @Column(name = "treating_doctor_name")
    public String treatingDoctorName;
    @Column(name = "treating_institution")
    public String treatingInstitution;
    @Column(name = "treating_country")
    public String treatingCountry;
    @Column(name = "requested_specialty", nullable = false)
    public String requestedSpecialty;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Urgency urgency;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "standard_questions", nullable = false)
    public List<String> standardQuestions = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "own_questions", nullable = false)
    public List<OwnQuestion> ownQuestions = new ArrayList<>();
    /** What the personal doctor writes for the specialists' brief. */
    @Column(name = "history")
    public String history;
    @Enumerated(EnumType.STRING)
    @Column(name = "age_band")
    public AgeBand ageBand;
    @Enumerated(EnumType.STRING)
    @Column(name = "sex")
    public Sex sex;
    /** When the brief first went to the specialists; from then on the patient no longer edits the questions. */
    @Column(name = "brief_shared_at")
    public Instant briefSharedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "rejection_reason")
    public String rejectionReason;
    @Column(name = "rejection_detail")
    public String rejectionDetail;
    @Column(name = "review_specialty")
    public String reviewSpecialty;
    @Column(name = "review_subspecialty")
    public String reviewSubspecialty;
    @Column(name = "panel_size")
    public Integer panelSize;
    /** The seats the review was requested with; null for reviews from before seats (panelSize of reviewSpecialty). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "review_seats")
    public List<ReviewSeat> reviewSeats;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "review_country_rules")
    public PanelCountries reviewCountries;
    @Column(name = "review_requested_at")
    public Instant reviewRequestedAt;
    @Column(name = "records_completed_at")
    public Instant recordsCompletedAt;
    /** Why the personal doctor completed the records while checklist items were open (null: nothing was open). */
    @Column(name = "records_override_reason")
    public String recordsOverrideReason;
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    @Column(name = "records_overridden_items")
    public List<String> recordsOverriddenItems;
    @Column(name = "review_started_at")
    public Instant reviewStartedAt;
    @Column(name = "report_ready_at")
    public Instant reportReadyAt;
    @Column(name = "report_delivered_at")
    public Instant reportDeliveredAt;
    @Column(name = "discussed_at")
    public Instant discussedAt;
    @Column(name = "discussion_summary")
    public String discussionSummary;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Column(name = "cancel_reason")
    public String cancelReason;

    @Version
    public long version;

    /** Opens a case in DRAFT. A patient's own case is linked to them; a partner may name the patient's account. */
    public static SmoCase open(Intake intake, Opener opener, Instant now) {
        SmoCase c = new SmoCase();
        c.id = UUID.randomUUID();
        c.tenant = opener.tenant();
        c.memberId = intake.memberId();
        c.patientId = intake.patientId();
        c.openedBy = opener.subject();
        c.openedByRole = opener.role();
        c.state = CaseState.DRAFT;
        c.patientName = intake.patient().name();
        c.patientEmail = intake.patient().email();
        c.patientPhone = intake.patient().phone();
        c.preferredLanguage = intake.patient().preferredLanguage();
        c.countryOfResidence = intake.patient().countryOfResidence();
        c.reasons = intake.reasons().stream().map(Enum::name).distinct().toList();
        c.diagnosisText = intake.diagnosisText();
        c.diagnosisIcd10 = intake.diagnosisIcd10();
        c.proposedTreatment = intake.proposedTreatment();
        c.treatingDoctorName = intake.treatingDoctorName();
        c.treatingInstitution = intake.treatingInstitution();
        c.treatingCountry = intake.treatingCountry();
        c.requestedSpecialty = intake.requestedSpecialty();
        c.urgency = intake.urgency();
        c.standardQuestions = intake.questions().stream().map(Enum::name).distinct().toList();
        c.ownQuestions = intake.otherQuestions().stream().map(OwnQuestion::asked).toList();
        c.createdAt = now;
        c.updatedAt = now;
        return c;
    }

    /**
     * The member's patient account, once known, for a case a partner opened before it was: set once, never
     * changed, so a case never moves from one patient to another.
     */
    public void linkPatient(String account, Instant now) {
        if (patientId != null) {
            throw new IllegalStateException("case " + id + " already has its patient account");
        }
        patientId = account;
        updatedAt = now;
    }

    /** DRAFT to SUBMITTED: the intake is final and the case enters the eligibility and assignment steps. */
    public void submit(Instant now) {
        apply(CaseAction.SUBMIT, now);
        submittedAt = now;
    }

    /** SUBMITTED to REJECTED: the member is not eligible. */
    public void reject(Eligibility.Refusal refusal, Instant now) {
        apply(CaseAction.REJECT, now);
        rejectionReason = refusal.reason().name();
        rejectionDetail = refusal.detail();
    }

    /** SUBMITTED to MANAGER_ASSIGNED. */
    public void assignManager(String manager, Instant now) {
        apply(CaseAction.ASSIGN_MANAGER, now);
        managerId = manager;
    }

    /** Ops hand the case to another personal doctor; the state stays. @return the previous one */
    public String reassignManager(String manager, Instant now) {
        apply(CaseAction.REASSIGN_MANAGER, now);
        if (manager.equals(managerId)) {
            throw new ProblemException.Conflict("The case is already assigned to this personal doctor");
        }
        String previous = managerId;
        managerId = manager;
        return previous;
    }

    public void requestRecords(Instant now) {
        apply(CaseAction.REQUEST_RECORDS, now);
    }

    /**
     * Records complete: first the state (409 outside COLLECTING_RECORDS), then the checklist
     * ({@link RecordsCompletion}: 409 with the open items unless overridden with a reason, which is kept with what
     * was open).
     */
    public RecordsCompletion.Outcome completeRecords(RecordsChecklist checklist, String overrideReason, Instant now) {
        check(CaseAction.COMPLETE_RECORDS);
        RecordsCompletion.Outcome outcome = RecordsCompletion.decide(checklist, overrideReason);
        apply(CaseAction.COMPLETE_RECORDS, now);
        recordsCompletedAt = now;
        recordsOverrideReason = outcome.overrideReason();
        recordsOverriddenItems = outcome.overridden() ? List.copyOf(outcome.overriddenItems()) : null;
        return outcome;
    }

    /** Asks specialist-service for a panel; once per case unless the last request found no candidate. */
    public void requestReview(List<ReviewSeat> seats, String subspecialty, PanelCountries countries, Instant now) {
        apply(CaseAction.REQUEST_REVIEW, now);
        if (reviewRequestedAt != null) {
            throw new ProblemException.Conflict("A review has already been requested for this case");
        }
        if (seats.isEmpty()) {
            throw new IllegalArgumentException("A panel has at least one seat");
        }
        reviewSpecialty = seats.get(0).specialty(); // the first seat's: what single-specialty readers expect
        reviewSubspecialty = subspecialty;
        reviewSeats = List.copyOf(seats);
        reviewCountries = countries;
        panelSize = seats.size();
        reviewRequestedAt = now;
    }

    /**
     * The patient (until the review is requested) or the personal doctor rewrites reasons and questions. The
     * state must allow it (409), and after the review request only the doctor may ({@link QuestionEdit}).
     */
    public void rewriteQuestions(CaseAction.Actor by, List<ReasonCode> newReasons, List<StandardQuestion> codes,
                                 List<QuestionEdit.Draft> own, Instant now) {
        check(CaseAction.EDIT_QUESTIONS);
        QuestionEdit.requireMayEdit(this, by);
        List<OwnQuestion> merged = QuestionEdit.merge(ownQuestions, own);
        reasons = newReasons.stream().map(Enum::name).distinct().toList();
        standardQuestions = codes.stream().map(Enum::name).distinct().toList();
        ownQuestions = merged;
        updatedAt = now;
    }

    /** The personal doctor's translation beside one of the patient's own questions. */
    public void translateQuestion(UUID questionId, String language, String text, Instant now) {
        check(CaseAction.TRANSLATE_QUESTION);
        ownQuestions = QuestionEdit.translate(ownQuestions, questionId, language, text, preferredLanguage);
        updatedAt = now;
    }

    /** The personal doctor's history, age band and sex for the specialists' brief (each optional). */
    public void describeBackground(String newHistory, AgeBand band, Sex newSex, Instant now) {
        check(CaseAction.DESCRIBE_BACKGROUND);
        history = newHistory;
        ageBand = band;
        sex = newSex;
        updatedAt = now;
    }

    /** The brief went to the specialists (with a review request); the patient's edits end here. */
    public void shareBrief(Instant now) {
        if (briefSharedAt == null) {
            briefSharedAt = now;
        }
    }

    /** specialist-service found no (more) candidates: the personal doctor may ask again, e.g. more widely. */
    public void reviewFoundNoCandidate(Instant now) {
        if (state == CaseState.READY_FOR_REVIEW) {
            reviewRequestedAt = null;
            updatedAt = now;
        }
    }

    public void startReview(Instant now) {
        apply(CaseAction.START_REVIEW, now);
        reviewStartedAt = now;
    }

    public void markReportReady(Instant now) {
        apply(CaseAction.MARK_REPORT_READY, now);
        reportReadyAt = now;
    }

    /** A report was reopened by report-service: not every report is approved any more. */
    public void reopenReview(Instant now) {
        apply(CaseAction.REOPEN_REVIEW, now);
        reportReadyAt = null;
    }

    /**
     * The reports were released to the patient. The release proves the steps before it, whose events come on
     * other topics and may not have arrived yet: it passes through IN_REVIEW (a review was requested) and
     * REPORT_READY as needed.
     */
    public void deliverReport(Instant now) {
        if (state == CaseState.READY_FOR_REVIEW && reviewRequestedAt != null) {
            startReview(now);
        }
        if (state == CaseState.IN_REVIEW) {
            markReportReady(now);
        }
        apply(CaseAction.DELIVER_REPORT, now);
        reportDeliveredAt = now;
    }

    public void recordDiscussion(String summary, Instant now) {
        apply(CaseAction.RECORD_DISCUSSION, now);
        discussedAt = now;
        discussionSummary = summary;
    }

    public void scheduleFollowUps(Instant now) {
        apply(CaseAction.SCHEDULE_FOLLOW_UPS, now);
    }

    public void close(Instant now) {
        apply(CaseAction.CLOSE, now);
        closedAt = now;
    }

    public void cancel(String reason, Instant now) {
        apply(CaseAction.CANCEL, now);
        cancelledAt = now;
        cancelReason = reason;
    }

    /** For actions that keep the state (messages, consent, SLA pauses, follow-up outcomes): only checks it. */
    public void check(CaseAction action) {
        if (!action.allowedIn(state)) {
            throw refused(action);
        }
    }

    /** The one way a case changes state: refused with 409 (and no change) when the action is not allowed now. */
    void apply(CaseAction action, Instant now) {
        check(action);
        CaseState next = action.target(state);
        if (next != state && !state.mayMoveTo(next)) {
            throw new IllegalStateException(action + " leads from " + state + " to " + next + " outside the lifecycle");
        }
        state = next;
        updatedAt = now;
    }

    private ProblemException refused(CaseAction action) {
        return new ProblemException.Conflict("A case in state " + state + " does not allow "
                + action.name().toLowerCase().replace('_', ' '));
    }
}
