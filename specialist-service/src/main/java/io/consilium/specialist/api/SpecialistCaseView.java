package io.consilium.specialist.api;

import io.consilium.specialist.domain.BriefContent;
import io.consilium.specialist.domain.InvitationState;
import io.consilium.specialist.security.CaseVisibility;
import io.consilium.specialist.service.CaseViews;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A case as a specialist sees it. The summary (while invited) carries no identifying data: specialty, ICD-10 code,
 * language, country, due date. After accepting, and while the patient's consent covers the specialist, the full
 * view adds the treating institution and the tenant, and {@code recordsShared} says the record packet may be
 * fetched from document-service. From the brief (once case-service has sent it) the summary adds the urgency and
 * the questions the specialist would answer; the rest of the brief is at {@code GET /api/v1/invitations/{id}/brief}.
 */
public record SpecialistCaseView(UUID caseId, CaseVisibility visibility, String specialty, String subspecialty,
                                 String diagnosisIcd10, String preferredLanguage, String countryOfResidence,
                                 int panelSize, Instant dueBy, Invitation invitation,
                                 String tenant, String treatingInstitution, boolean recordsShared,
                                 String urgency, List<BriefContent.Question> questions) {

    public record Invitation(UUID id, InvitationState state, Instant deadline) {
    }

    public static SpecialistCaseView of(CaseViews.SpecialistCase c) {
        var p = c.panel();
        boolean full = c.visibility() == CaseVisibility.FULL;
        // the specialist's own seat: Mr. Lee's allergist is asked as an allergist, not as the first seat's dermatologist
        String specialty = c.invitation().seatSpecialty != null ? c.invitation().seatSpecialty : p.specialty;
        return new SpecialistCaseView(p.caseId, c.visibility(), specialty, p.subspecialty, p.diagnosisIcd10,
                p.preferredLanguage, p.countryOfResidence, p.panelSize, p.dueBy,
                new Invitation(c.invitation().id, c.invitation().state, c.invitation().deadline),
                full ? p.tenant : null, full ? p.treatingInstitution : null, full,
                c.brief() == null ? null : c.brief().content.urgency(),
                c.brief() == null ? List.of() : questionsShown(c));
    }

    /**
     * The patient's own words only while deciding (invited) or with the full view: an accepted specialist whose
     * consent was revoked keeps the standard questions' codes, as the brief itself is cut off.
     */
    private static List<BriefContent.Question> questionsShown(CaseViews.SpecialistCase c) {
        List<BriefContent.Question> all = c.brief().content.questions();
        if (c.visibility() == CaseVisibility.FULL || c.invitation().state == InvitationState.INVITED) {
            return all;
        }
        return all.stream().filter(q -> "STANDARD".equals(q.kind())).toList();
    }
}
