package io.consilium.specialist.api;

import io.consilium.specialist.domain.Invitation;
import io.consilium.specialist.domain.InvitationState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** An invitation, for the invited specialist and for ops, with the seat it is for and its deadlines. */
public record InvitationView(UUID id, UUID caseId, UUID specialistId, String specialistSubject, InvitationState state,
                             Instant invitedAt, Instant deadline, Instant respondedAt, String declineReason,
                             Double score, boolean overridden, long version,
                             @Schema(description = "The panel seat this invitation is for", examples = "2") Integer seat,
                             @Schema(description = "The seat's specialty", examples = "allergy-immunology") String specialty,
                             @Schema(description = "The seat's focus: an ICD-10 code or a subspecialty", examples = "L50.0") String focus,
                             @Schema(description = "Accept by this time (the same as deadline): the plan's time for the case's urgency")
                             Instant acceptBy,
                             @Schema(description = "Hours from accepting to the report", examples = "72") Integer reportWithinHours,
                             @Schema(description = "When the report is due; set on accepting") Instant reportDueBy,
                             @Schema(description = "When a reminder goes out if still unanswered") Instant remindAt,
                             Instant remindedAt) {

    public static InvitationView of(Invitation i) {
        return new InvitationView(i.id, i.caseId, i.specialistId, i.specialistSubject, i.state, i.invitedAt, i.deadline,
                i.respondedAt, i.declineReason, i.score, i.overridden, i.version, i.seat, i.seatSpecialty, i.seatFocus,
                i.deadline, i.reportWithinHours, i.reportDueBy, i.remindAt, i.remindedAt);
    }
}
