package io.consilium.cases.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One case's line in the statistics: the panel's consolidated verdict ({@link PanelConcordance}), what the
 * follow-up recorded, and the time from the request to the report. No names, contact data, diagnosis or report text.
 *
 * <p>The request is the case's <b>submission</b> (a DRAFT may wait days for the patient before it asks anything);
 * the report is the <b>release</b> of the panel's reports (report-service's {@code releasedAt}).
 * {@code outcomeShared} is false when the outcome columns were withheld from the reader (a partner without the
 * patient's REPORT_TO_PARTNER consent): then every outcome field is null.
 */
public record CaseOutcome(UUID caseId, String tenant, String memberId, String state, String requestedSpecialty,
                          String urgency, Instant submittedAt, Instant reportReleasedAt, Double hoursToReport,
                          boolean outcomeShared, Integer reports, PanelConcordance.Assessment assessment,
                          PanelConcordance.Agreement agreement, Boolean treatmentChanged, Boolean surgeryAsked,
                          String surgeryNecessary, Boolean surgeryAvoided, String opinionFollowed) {

    /** The reason that asks whether an operation (or a lifelong consequence) can be avoided. */
    public static final String SURGERY_REASON = "SURGERY_OR_LIFELONG_CONSEQUENCES";

    /**
     * @param opinions        the case's released reports
     * @param releasedAt      when they were released (null before)
     * @param opinionFollowed the latest recorded follow-up's answer (YES, NO, PARTLY, UNDECIDED), or null
     */
    public static CaseOutcome of(SmoCase c, List<PanelConcordance.Opinion> opinions, Instant releasedAt,
                                 String opinionFollowed) {
        PanelConcordance.Verdict v = PanelConcordance.of(opinions);
        boolean surgeryAsked = c.reasons != null && c.reasons.contains(SURGERY_REASON);
        Double hours = c.submittedAt == null || releasedAt == null ? null
                : Math.round(Duration.between(c.submittedAt, releasedAt).toMinutes() / 6.0) / 10.0;
        return new CaseOutcome(c.id, c.tenant, c.memberId, c.state.name(), c.requestedSpecialty, c.urgency.name(),
                c.submittedAt, releasedAt, hours, true,
                v == null ? 0 : v.reports(), v == null ? null : v.assessment(), v == null ? null : v.agreement(),
                v == null ? null : v.treatmentChanged(), surgeryAsked, v == null ? null : v.surgeryNecessary(),
                v == null ? null : surgeryAsked && "NO".equals(v.surgeryNecessary()), opinionFollowed);
    }

    /** This line without its outcome: what a partner reads of a case whose patient did not consent to share the report. */
    public CaseOutcome withoutOutcome() {
        return new CaseOutcome(caseId, tenant, memberId, state, requestedSpecialty, urgency, submittedAt,
                reportReleasedAt, hoursToReport, false, null, null, null, null, null, null, null, null);
    }
}
