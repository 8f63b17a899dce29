package io.consilium.specialist.service;

import io.consilium.platform.audit.AuditTrail;
import io.consilium.platform.audit.AuditedAccess;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.security.Caller;
import io.consilium.specialist.domain.Invitation;
import io.consilium.specialist.security.InvitationAccess;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Loads an invitation for a caller, or answers 404 whether it is unknown or someone else's (refusals audited). */
@ApplicationScoped
public class InvitationLookup {

    private final AuditTrail audit;

    InvitationLookup(AuditTrail audit) {
        this.audit = audit;
    }

    public Invitation visible(Caller caller, UUID id, String action) {
        Invitation invitation = Invitation.findById(id);
        if (invitation == null || !InvitationAccess.maySee(caller, invitation)) {
            String caseId = invitation == null ? null : invitation.caseId.toString();
            audit.denied(caller, new AuditedAccess("invitation", id.toString(), caseId, null, action,
                    "not visible to caller"));
            throw new ProblemException.NotFound("Invitation " + id);
        }
        return invitation;
    }

    /** The invitation, when the caller is the invited specialist: only they answer it (ops get 403). */
    public Invitation answerable(Caller caller, UUID id, String action) {
        Invitation invitation = visible(caller, id, action);
        if (!InvitationAccess.isInvitee(caller, invitation)) {
            throw new ProblemException.Forbidden("Only the invited specialist answers an invitation");
        }
        return invitation;
    }
}
