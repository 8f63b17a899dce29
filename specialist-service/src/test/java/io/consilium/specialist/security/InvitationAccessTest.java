package io.consilium.specialist.security;

import io.consilium.platform.security.Caller;
import io.consilium.specialist.domain.CaseConsent;
import io.consilium.specialist.domain.Invitation;
import io.consilium.specialist.domain.InvitationState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InvitationAccessTest {

    private static final Caller ALICE = new Caller("alice", Set.of("specialist"), Optional.empty());
    private static final Caller BOB = new Caller("bob", Set.of("specialist"), Optional.empty());
    private static final Caller OPS = new Caller("ops-1", Set.of("ops"), Optional.empty());

    private static Invitation invitation(String subject, InvitationState state) {
        Invitation i = new Invitation();
        i.id = UUID.randomUUID();
        i.specialistSubject = subject;
        i.specialistCountry = "DE";
        i.state = state;
        return i;
    }

    private static CaseConsent consent(List<String> subjects, List<String> countries) {
        CaseConsent c = new CaseConsent();
        c.purpose = CaseConsent.RECORDS_TO_SPECIALISTS;
        c.specialistSubjects = new ArrayList<>(subjects);
        c.countries = new ArrayList<>(countries);
        c.grantedAt = Instant.now();
        return c;
    }

    @Test
    void notInvitedSpecialistSeesNothing() {
        assertThat(InvitationAccess.ofCase(BOB, List.of(invitation("alice", InvitationState.INVITED)), List.of()))
                .isEqualTo(CaseVisibility.NONE);
    }

    @Test
    void invitedSpecialistSeesTheSummaryOnly() {
        assertThat(InvitationAccess.ofCase(ALICE, List.of(invitation("alice", InvitationState.INVITED)),
                List.of(consent(List.of(), List.of())))).isEqualTo(CaseVisibility.SUMMARY);
    }

    @Test
    void acceptedSpecialistSeesTheFullCaseOnlyWhileAConsentCoversThem() {
        List<Invitation> accepted = List.of(invitation("alice", InvitationState.ACCEPTED));
        assertThat(InvitationAccess.ofCase(ALICE, accepted, List.of())).isEqualTo(CaseVisibility.SUMMARY);
        assertThat(InvitationAccess.ofCase(ALICE, accepted, List.of(consent(List.of(), List.of()))))
                .isEqualTo(CaseVisibility.FULL);
        assertThat(InvitationAccess.ofCase(ALICE, accepted, List.of(consent(List.of("carol"), List.of()))))
                .as("consent names someone else").isEqualTo(CaseVisibility.SUMMARY);
        assertThat(InvitationAccess.ofCase(ALICE, accepted, List.of(consent(List.of(), List.of("FR")))))
                .as("consent limited to another country").isEqualTo(CaseVisibility.SUMMARY);
        CaseConsent revoked = consent(List.of("alice"), List.of("DE"));
        revoked.revokedAt = Instant.now();
        assertThat(InvitationAccess.ofCase(ALICE, accepted, List.of(revoked))).isEqualTo(CaseVisibility.SUMMARY);
        CaseConsent otherPurpose = consent(List.of(), List.of());
        otherPurpose.purpose = "REPORT_TO_PARTNER";
        assertThat(InvitationAccess.ofCase(ALICE, accepted, List.of(otherPurpose))).isEqualTo(CaseVisibility.SUMMARY);
    }

    @Test
    void declinedOrExpiredSpecialistNoLongerSeesTheCase() {
        for (InvitationState state : List.of(InvitationState.DECLINED, InvitationState.EXPIRED, InvitationState.WITHDRAWN,
                InvitationState.RELEASED)) {
            assertThat(InvitationAccess.ofCase(ALICE, List.of(invitation("alice", state)),
                    List.of(consent(List.of(), List.of())))).as(state.name()).isEqualTo(CaseVisibility.NONE);
        }
    }

    @Test
    void onlyTheInviteeAnswersAndOpsMayRead() {
        Invitation mine = invitation("alice", InvitationState.INVITED);
        assertThat(InvitationAccess.isInvitee(ALICE, mine)).isTrue();
        assertThat(InvitationAccess.isInvitee(BOB, mine)).isFalse();
        assertThat(InvitationAccess.isInvitee(OPS, mine)).isFalse();
        assertThat(InvitationAccess.maySee(OPS, mine)).isTrue();
        assertThat(InvitationAccess.maySee(BOB, mine)).isFalse();
        assertThat(InvitationAccess.ofCase(OPS, List.of(mine), List.of())).isEqualTo(CaseVisibility.NONE);
    }

    @Test
    void theBriefIsTheAcceptedInviteesOnlyWhileAConsentCoversThem() {
        Invitation accepted = invitation("alice", InvitationState.ACCEPTED);
        List<CaseConsent> live = List.of(consent(List.of(), List.of()));
        assertThat(InvitationAccess.mayReadBrief(ALICE, accepted, live)).isTrue();
        assertThat(InvitationAccess.mayReadBrief(ALICE, accepted, List.of())).as("no consent").isFalse();
        CaseConsent revoked = consent(List.of(), List.of());
        revoked.revokedAt = Instant.now();
        assertThat(InvitationAccess.mayReadBrief(ALICE, accepted, List.of(revoked))).as("revoked").isFalse();
        assertThat(InvitationAccess.mayReadBrief(ALICE, accepted, List.of(consent(List.of(), List.of("FR")))))
                .as("another country").isFalse();
        assertThat(InvitationAccess.mayReadBrief(BOB, accepted, live)).as("a colleague").isFalse();
        assertThat(InvitationAccess.mayReadBrief(OPS, accepted, live)).as("ops").isFalse();
        for (InvitationState state : List.of(InvitationState.INVITED, InvitationState.DECLINED, InvitationState.EXPIRED,
                InvitationState.WITHDRAWN, InvitationState.RELEASED)) {
            assertThat(InvitationAccess.mayReadBrief(ALICE, invitation("alice", state), live)).as(state.name()).isFalse();
        }
    }
}
