package io.consilium.specialist.api;

import io.consilium.specialist.domain.BriefContent;
import io.consilium.specialist.service.Briefs;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The full brief for the accepted specialist: reasons, every question (standard codes; the patient's own words
 * with the personal doctor's translation beside them), diagnosis, proposed treatment, history, treating institution,
 * age band and sex where given, and the case's records with the case's one checklist (the plan's defaults, the
 * personal doctor's requests and the specimens, each with its status, as document-service keeps it). Minimum necessary: no
 * member id, no contact data, no birth date, no names.
 */
public record BriefView(UUID caseId, UUID invitationId, String specialty, String focus, String urgency, Instant dueBy,
                        String patientLanguage, List<String> reasons, List<BriefContent.Question> questions,
                        Diagnosis diagnosis, String proposedTreatment, String history, String treatingInstitution,
                        String ageBand, String sex, List<ChecklistItem> checklist, List<RecordEntry> records,
                        Instant changedAt) {

    public record Diagnosis(String text, String icd10Code) {
    }

    /**
     * One item of the case's checklist: {@code kind} RECORD or SPECIMEN, {@code status} REQUESTED, RECEIVED or
     * WAIVED, {@code sources} who asked (SPECIALTY: the plan's default for the specialty, REQUEST: the personal
     * doctor, SPECIMEN); {@code itemId} is what records name as their {@code checklistItemId}.
     */
    public record ChecklistItem(UUID itemId, String code, String kind, String label, boolean required,
                                List<String> sources, String status) {
    }

    public record RecordEntry(UUID documentId, UUID checklistItemId, String kind, String contentType, Long sizeBytes,
                              Instant uploadedAt) {
    }

    public static BriefView of(Briefs.Brief b) {
        BriefContent c = b.brief().content;
        var invitation = b.invitation();
        // the reader's own seat and report deadline, not the panel's first seat and the case's review SLA
        String specialty = invitation.seatSpecialty != null ? invitation.seatSpecialty : c.requestedSpecialty();
        Instant dueBy = invitation.reportDueBy != null ? invitation.reportDueBy
                : b.panel() == null ? null : b.panel().dueBy;
        return new BriefView(invitation.caseId, invitation.id, specialty, invitation.seatFocus, c.urgency(), dueBy,
                c.patientLanguage(), c.reasons(), c.questions(),
                new Diagnosis(c.diagnosisText(), c.diagnosisIcd10()), c.proposedTreatment(), c.history(),
                c.treatingInstitution(), c.ageBand(), c.sex(),
                b.items().stream().map(i -> new ChecklistItem(i.itemId(), i.code(), i.kind(), i.label(), i.required(),
                        i.sources() == null ? List.of() : i.sources(), i.status())).toList(),
                b.documents().stream().map(d -> new RecordEntry(d.documentId, d.checklistItemId, d.kind, d.contentType,
                        d.sizeBytes, d.uploadedAt)).toList(),
                b.brief().changedAt);
    }
}
