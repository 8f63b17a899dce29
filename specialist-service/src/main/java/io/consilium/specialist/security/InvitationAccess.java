package io.consilium.specialist.security;

import io.consilium.platform.security.Caller;
import io.consilium.platform.security.Roles;
import io.consilium.specialist.domain.CaseConsent;
import io.consilium.specialist.domain.Invitation;
import io.consilium.specialist.domain.InvitationState;

import java.util.Collection;
import java.util.Optional;

/**
 * Which invitations and cases a specialist may touch. A specialist sees only their own invitations, the
 * summary of a case while invited or after accepting, and the full case only after accepting and while a
 * consent of the patient covers them. Everything else is {@link CaseVisibility#NONE}: 404 like an unknown id.
 */
public final class InvitationAccess {

    private InvitationAccess() {
    }

    /** The invited specialist themself, or ops. */
    public static boolean maySee(Caller caller, Invitation invitation) {
        return caller.is(Roles.OPS) || isInvitee(caller, invitation);
    }

    /** Only the invited specialist answers their invitation. */
    public static boolean isInvitee(Caller caller, Invitation invitation) {
        return caller.is(Roles.SPECIALIST) && invitation.specialistSubject.equals(caller.subject());
    }

    public static CaseVisibility ofCase(Caller caller, Collection<Invitation> invitations,
                                        Collection<CaseConsent> consents) {
        if (!caller.is(Roles.SPECIALIST)) {
            return CaseVisibility.NONE;
        }
        Optional<Invitation> mine = invitations.stream().filter(i -> isInvitee(caller, i)).findFirst();
        if (mine.isEmpty()) {
            return CaseVisibility.NONE;
        }
        Invitation invitation = mine.get();
        if (invitation.state == InvitationState.ACCEPTED) {
            boolean consented = consents.stream()
                    .anyMatch(c -> c.coversSpecialist(caller.subject(), invitation.specialistCountry));
            return consented ? CaseVisibility.FULL : CaseVisibility.SUMMARY;
        }
        return invitation.state == InvitationState.INVITED ? CaseVisibility.SUMMARY : CaseVisibility.NONE;
    }

    /**
     * The full brief: only the invited specialist, once accepted, while a live consent covers them; a decline,
     * an expiry, a withdrawal or release at the case's end, or a revocation cut it off at once.
     */
    public static boolean mayReadBrief(Caller caller, Invitation invitation, Collection<CaseConsent> consents) {
        return isInvitee(caller, invitation) && invitation.state == InvitationState.ACCEPTED
                && consents.stream().anyMatch(c -> c.coversSpecialist(caller.subject(), invitation.specialistCountry));
    }
}
