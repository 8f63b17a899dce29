package io.consilium.specialist.service;

import io.consilium.platform.audit.AuditTrail;
import io.consilium.platform.audit.AuditedAccess;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.security.Caller;
import io.consilium.specialist.domain.CaseBrief;
import io.consilium.specialist.domain.CaseConsent;
import io.consilium.specialist.domain.Invitation;
import io.consilium.specialist.domain.PanelRequest;
import io.consilium.specialist.security.CaseVisibility;
import io.consilium.specialist.security.InvitationAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * A case as a specialist sees it. Not invited (or no longer: declined, expired, withdrawn) answers 404 like an
 * unknown case; every read is audited, refusals in their own transaction.
 */
@ApplicationScoped
public class CaseViews {

    private final AuditTrail audit;

    CaseViews(AuditTrail audit) {
        this.audit = audit;
    }

    public record SpecialistCase(PanelRequest panel, Invitation invitation, CaseVisibility visibility, CaseBrief brief) {
    }

    @Transactional
    public SpecialistCase forSpecialist(Caller caller, UUID caseId) {
        PanelRequest panel = PanelRequest.findById(caseId);
        List<Invitation> invitations = panel == null ? List.of() : Invitation.ofCase(caseId);
        CaseVisibility visibility = panel == null ? CaseVisibility.NONE
                : InvitationAccess.ofCase(caller, invitations, CaseConsent.ofCase(caseId));
        if (visibility == CaseVisibility.NONE) {
            audit.denied(caller, new AuditedAccess("case", caseId.toString(), caseId.toString(),
                    panel == null ? null : panel.tenant, "READ_SUMMARY", "not visible to caller"));
            throw new ProblemException.NotFound("Case " + caseId);
        }
        Invitation mine = invitations.stream().filter(i -> InvitationAccess.isInvitee(caller, i)).findFirst().orElseThrow();
        audit.allowed(caller, new AuditedAccess("case", caseId.toString(), caseId.toString(), panel.tenant,
                visibility == CaseVisibility.FULL ? "READ" : "READ_SUMMARY", "second opinion"));
        return new SpecialistCase(panel, mine, visibility, CaseBrief.findById(caseId));
    }
}
