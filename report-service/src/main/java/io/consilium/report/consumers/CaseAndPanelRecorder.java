package io.consilium.report.consumers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.consilium.platform.cloudevents.IncomingEvent;
import io.consilium.platform.cloudevents.InvalidEvent;
import io.consilium.platform.consumer.Delivery;
import io.consilium.report.domain.BriefQuestion;
import io.consilium.report.domain.CaseConsent;
import io.consilium.report.domain.CaseFile;
import io.consilium.report.domain.Report;
import io.consilium.report.service.QuestionsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Applies each incoming event once (platform's inbox, checked by {@code IncomingRecords}): an accepted
 * invitation opens the specialist's draft, case events fill the case file (tenant, patient, language, questions, personal doctor, panel size) and the consents
 * that concern reports. Unknown types and consents for other purposes are ignored.
 */
@ApplicationScoped
public class CaseAndPanelRecorder {

    static final String CONSUMER = "report-inputs";

    public static final String SPECIALIST_ACCEPTED = "consilium.specialist.accepted.v1";
    public static final String CASE_SUBMITTED = "consilium.case.submitted.v1";
    public static final String MANAGER_ASSIGNED = "consilium.case.manager-assigned.v1";
    public static final String REVIEW_REQUESTED = "consilium.case.review-requested.v1";
    public static final String CONSENT_GRANTED = "consilium.case.consent-granted.v1";
    public static final String CONSENT_REVOKED = "consilium.case.consent-revoked.v1";
    public static final String CASE_CANCELLED = "consilium.case.cancelled.v1";
    public static final String PATIENT_LINKED = "consilium.case.patient-linked.v1";

    public static final String BRIEF_CHANGED = "consilium.case.brief-changed.v1";

    private static final Set<String> HANDLED = Set.of(SPECIALIST_ACCEPTED, CASE_SUBMITTED, MANAGER_ASSIGNED,
            REVIEW_REQUESTED, CONSENT_GRANTED, CONSENT_REVOKED, CASE_CANCELLED, PATIENT_LINKED, BRIEF_CHANGED);
    private static final Set<String> REPORT_PURPOSES = Set.of(CaseConsent.REPORT_TO_PARTNER,
            CaseConsent.REPORT_TO_TREATING_DOCTOR);

    @JsonIgnoreProperties(ignoreUnknown = true)
    /**
     * {@code specialistName} (the directory's name at acceptance) is optional: older events carry none; so are
     * {@code specialty} and {@code institution} (since issue 13) and {@code country}.
     */
    record SpecialistAccepted(@NotBlank String specialistId, @NotBlank String specialistSubject, String specialistName,
                              Instant reportDueBy, String specialty, String institution, String country) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CaseSubmitted(String tenant, String patientId, @NotBlank String preferredLanguage, List<String> questions) {
    }

    /**
     * The questions of the brief, and what the patient came with (diagnosis, proposed treatment; optional) for the
     * summary's "what changed": the rest of it is the specialists' (specialist-service).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record BriefChanged(@NotNull List<@NotNull @Valid Question> questions, @NotNull Instant changedAt,
                        String diagnosisText, String diagnosisIcd10, String proposedTreatment) {
        @JsonIgnoreProperties(ignoreUnknown = true)
        record Question(@NotBlank String questionId, @NotBlank String kind, String text, String language,
                        String translation, String translationLanguage) {
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PatientLinked(@NotBlank String tenant, @NotBlank String patientId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ManagerAssigned(String tenant, @NotBlank String managerId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReviewRequested(String tenant, @NotNull @Min(1) @Max(3) Integer panelSize) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConsentChanged(@NotNull UUID consentId, @NotBlank String purpose, Instant grantedAt, Instant revokedAt) {
    }

    private final Clock clock;
    private final QuestionsChanged questionsChanged;

    CaseAndPanelRecorder(Clock clock, QuestionsChanged questionsChanged) {
        this.clock = clock;
        this.questionsChanged = questionsChanged;
    }

    public static boolean handles(String type) {
        return HANDLED.contains(type);
    }

    public void apply(Delivery delivery) {
        IncomingEvent event = delivery.event();
        UUID caseId = delivery.caseId();
        CaseFile file = CaseFile.forUpdate(caseId);
        if (file.tenant == null) {
            file.tenant = event.tenant();
        }
        switch (event.type()) {
            case SPECIALIST_ACCEPTED -> {
                if (!file.cancelled()) {
                    accepted(caseId, delivery.payload(SpecialistAccepted.class));
                }
            }
            case CASE_CANCELLED -> file.cancelledAt = event.time();
            case CASE_SUBMITTED -> {
                CaseSubmitted s = delivery.payload(CaseSubmitted.class);
                file.tenant = s.tenant() != null ? s.tenant() : file.tenant;
                // A case a partner opened before the member's account was known is submitted without it.
                file.patientId = s.patientId() != null ? s.patientId() : file.patientId;
                file.preferredLanguage = s.preferredLanguage();
                file.questions = s.questions() == null ? List.of() : List.copyOf(s.questions());
            }
            case PATIENT_LINKED -> linked(caseId, file, delivery.payload(PatientLinked.class));
            case BRIEF_CHANGED -> {
                BriefChanged b = delivery.payload(BriefChanged.class);
                CaseFile.BriefChange change = file.briefChanged(b.questions().stream().map(q -> new BriefQuestion(
                        q.questionId(), q.kind(), q.text(), q.language(), q.translation(), q.translationLanguage()))
                        .toList(), b.changedAt());
                if (change.kept()) {
                    file.cameWith(b.diagnosisText(), b.diagnosisIcd10(), b.proposedTreatment());
                }
                questionsChanged.reopenReportsLacking(file, change);
            }
            case MANAGER_ASSIGNED -> file.managerId = delivery.payload(ManagerAssigned.class).managerId();
            case REVIEW_REQUESTED -> file.panelSize = delivery.payload(ReviewRequested.class).panelSize();
            case CONSENT_GRANTED -> granted(caseId, delivery.payload(ConsentChanged.class));
            case CONSENT_REVOKED -> revoked(caseId, delivery.payload(ConsentChanged.class));
            default -> {
            }
        }
    }

    /** The member's account, once known; set once (case-service never moves a case to another patient). */
    private static void linked(UUID caseId, CaseFile file, PatientLinked linked) {
        if (!linked.tenant().equals(file.tenant)) {
            throw new InvalidEvent("patient-linked of case " + caseId + " names another tenant than the case's");
        }
        if (file.patientId == null) {
            file.patientId = linked.patientId();
        }
    }

    private void accepted(UUID caseId, SpecialistAccepted accepted) {
        if (accepted.specialistSubject() == null
                || Report.count("caseId = ?1 and specialistSubject = ?2", caseId, accepted.specialistSubject()) > 0) {
            return;
        }
        Report report = Report.open(caseId, accepted.specialistSubject(), accepted.specialistId(), clock.instant());
        report.specialistName = bounded(accepted.specialistName(), 200);
        report.specialistSpecialty = bounded(accepted.specialty(), 200);
        report.specialistInstitution = bounded(accepted.institution(), 300);
        // A country is an ISO 3166 alpha-2 code; anything else is not shown rather than printed as given.
        report.specialistCountry = accepted.country() != null && accepted.country().matches("[A-Z]{2}")
                ? accepted.country() : null;
        report.dueBy = accepted.reportDueBy(); // the specialist's own deadline, set by specialist-service
        report.persist();
    }

    private static String bounded(String s, int max) {
        return s == null || s.isBlank() ? null : s.substring(0, Math.min(max, s.length()));
    }

    private void granted(UUID caseId, ConsentChanged c) {
        if (!REPORT_PURPOSES.contains(c.purpose()) || CaseConsent.findById(c.consentId()) != null) {
            return;
        }
        CaseConsent consent = new CaseConsent();
        consent.consentId = c.consentId();
        consent.caseId = caseId;
        consent.purpose = c.purpose();
        consent.grantedAt = c.grantedAt() != null ? c.grantedAt() : clock.instant();
        consent.persist();
    }

    /**
     * A revocation that overtakes its grant (out of order, or the grant replayed by ops) is kept as a consent
     * already revoked, so the grant arriving later finds it and cannot reopen the share.
     */
    private void revoked(UUID caseId, ConsentChanged c) {
        Instant revokedAt = c.revokedAt() != null ? c.revokedAt() : clock.instant();
        CaseConsent consent = CaseConsent.findById(c.consentId());
        if (consent == null) {
            if (!REPORT_PURPOSES.contains(c.purpose())) {
                return;
            }
            consent = new CaseConsent();
            consent.consentId = c.consentId();
            consent.caseId = caseId;
            consent.purpose = c.purpose();
            consent.grantedAt = revokedAt; // unknown yet; the consent is inactive either way
            consent.persist();
        }
        if (consent.revokedAt == null) {
            consent.revokedAt = revokedAt;
        }
    }
}
