package io.consilium.specialist.service;

import io.consilium.platform.audit.AuditTrail;
import io.consilium.platform.audit.AuditedAccess;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.security.Caller;
import io.consilium.specialist.domain.CaseBrief;
import io.consilium.specialist.domain.CaseConsent;
import io.consilium.specialist.domain.CaseDocument;
import io.consilium.specialist.domain.BriefChecklist;
import io.consilium.specialist.domain.CaseChecklist;
import io.consilium.specialist.domain.Invitation;
import io.consilium.specialist.domain.PanelRequest;
import io.consilium.specialist.security.InvitationAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * The specialist's full brief behind an accepted invitation (issue 12, item 1). Anything else, an unknown
 * invitation, another's, one not (or no longer) accepted, or a consent that no longer holds, answers 404 like an
 * unknown id; every read is audited, refusals in their own transaction.
 */
@ApplicationScoped
public class Briefs {

    private final AuditTrail audit;

    Briefs(AuditTrail audit) {
        this.audit = audit;
    }

    public record Brief(Invitation invitation, PanelRequest panel, CaseBrief brief, List<BriefChecklist.Item> items,
                        List<CaseDocument> documents) {
    }

    @Transactional
    public Brief forInvitation(Caller caller, UUID invitationId) {
        Invitation invitation = Invitation.findById(invitationId);
        CaseBrief brief = invitation == null ? null : CaseBrief.findById(invitation.caseId);
        if (invitation == null || brief == null
                || !InvitationAccess.mayReadBrief(caller, invitation, CaseConsent.ofCase(invitation.caseId))) {
            String caseId = invitation == null ? null : invitation.caseId.toString();
            audit.denied(caller, new AuditedAccess("brief", invitationId.toString(), caseId,
                    brief == null ? null : brief.tenant, "READ_BRIEF", "not visible to caller"));
            throw new ProblemException.NotFound("Brief of invitation " + invitationId);
        }
        audit.allowed(caller, new AuditedAccess("brief", invitation.caseId.toString(), invitation.caseId.toString(),
                brief.tenant, "READ_BRIEF", "second opinion"));
        return new Brief(invitation, PanelRequest.findById(invitation.caseId), brief,
                CaseChecklist.itemsOf(invitation.caseId, brief.tenant), CaseDocument.ofCase(invitation.caseId));
    }

    /** The brief's questions and urgency for the summary an invited specialist decides on (not audited apart). */
    public static CaseBrief summaryOf(UUID caseId) {
        return CaseBrief.findById(caseId);
    }
}
