package io.consilium.specialist.api;

import io.consilium.specialist.domain.Invitation;
import io.consilium.specialist.domain.InvitationState;

import java.time.Instant;
import java.util.UUID;

/** An invitation, for the invited specialist and for ops. */
public record InvitationView(UUID id, UUID caseId, UUID specialistId, String specialistSubject, InvitationState state,
                             Instant invitedAt, Instant deadline, Instant respondedAt, String declineReason,
                             Double score, boolean overridden, long version) {

    public static InvitationView of(Invitation i) {
        return new InvitationView(i.id, i.caseId, i.specialistId, i.specialistSubject, i.state, i.invitedAt, i.deadline,
                i.respondedAt, i.declineReason, i.score, i.overridden, i.version);
    }
}
