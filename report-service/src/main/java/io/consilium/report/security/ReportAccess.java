package io.consilium.report.security;

import io.consilium.platform.security.Caller;
import io.consilium.platform.security.Roles;
import io.consilium.report.domain.CaseFile;
import io.consilium.report.domain.ReportState;

import java.util.Optional;

/**
 * Who may read a report, and in what capacity. Pure, so every rule is unit tested:
 * <ul>
 *   <li>the writing specialist: their own report, in every state (never a colleague's);</li>
 *   <li>the case's assigned case manager: every report of the case;</li>
 *   <li>the patient: their case's reports once released;</li>
 *   <li>a partner: its tenant's released reports, only while a REPORT_TO_PARTNER consent is active;</li>
 *   <li>ops: by break-glass only (a stated reason);</li>
 *   <li>anyone else: nothing (404, as for an unknown report).</li>
 * </ul>
 */
public final class ReportAccess {

    public enum Relation {
        WRITER("authoring"), MANAGER("review"), PATIENT("care"), PARTNER("consent: REPORT_TO_PARTNER"),
        BREAK_GLASS("break-glass");

        public final String purpose;

        Relation(String purpose) {
            this.purpose = purpose;
        }

        /**
         * The writer and the reviewing case manager see every submitted version (and ops by break-glass);
         * the patient and the partner see only what was released: the last submission and its addenda, never
         * a version that was sent back for changes.
         */
        public boolean seesReviewHistory() {
            return this == WRITER || this == MANAGER || this == BREAK_GLASS;
        }
    }

    private ReportAccess() {
    }

    /**
     * @param breakGlass whether an ops caller stated a (valid) break-glass reason
     */
    public static Optional<Relation> relation(Caller caller, String specialistSubject, ReportState state,
                                              CaseFile file, boolean partnerConsent, boolean breakGlass) {
        boolean released = state == ReportState.RELEASED;
        if (caller.is(Roles.SPECIALIST) && caller.subject().equals(specialistSubject)) {
            return Optional.of(Relation.WRITER);
        }
        if (caller.is(Roles.CASE_MANAGER) && file != null && caller.subject().equals(file.managerId)) {
            return Optional.of(Relation.MANAGER);
        }
        if (caller.is(Roles.PATIENT) && released && isPatientOf(caller, file)) {
            return Optional.of(Relation.PATIENT);
        }
        if (caller.is(Roles.PARTNER) && released && partnerConsent && file != null && file.tenant != null
                && caller.tenant().filter(file.tenant::equals).isPresent()) {
            return Optional.of(Relation.PARTNER);
        }
        if (caller.is(Roles.OPS) && breakGlass) {
            return Optional.of(Relation.BREAK_GLASS);
        }
        return Optional.empty();
    }

    /** Whether the caller takes part in the case at all (its patient or its case manager): 403 rather than 404. */
    public static boolean partOfCase(Caller caller, CaseFile file) {
        if (file == null) {
            return false;
        }
        return (caller.is(Roles.CASE_MANAGER) && caller.subject().equals(file.managerId))
                || (caller.is(Roles.PATIENT) && isPatientOf(caller, file));
    }

    /** The case's own patient: its account, within the case's tenant (a token names one tenant). */
    public static boolean isPatientOf(Caller caller, CaseFile file) {
        return file != null && file.patientId != null && caller.subject().equals(file.patientId)
                && file.tenant != null && caller.tenant().filter(file.tenant::equals).isPresent();
    }
}
