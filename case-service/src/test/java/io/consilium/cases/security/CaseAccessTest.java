package io.consilium.cases.security;

import io.consilium.cases.domain.CaseAction;
import io.consilium.cases.domain.SmoCase;
import io.consilium.cases.security.CaseAccess.Visibility;
import io.consilium.platform.security.Caller;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CaseAccessTest {

    private final SmoCase acmeCase = caseOf("acme", "alice", "dr-carla");

    @Test
    void patientSeesOwnCaseInFull() {
        assertThat(CaseAccess.of(caller("alice", "patient", "acme"), acmeCase)).isEqualTo(Visibility.FULL);
    }

    @Test
    void patientSeesNothingOfAnotherPatientsCaseEvenInTheSameTenant() {
        assertThat(CaseAccess.of(caller("bob", "patient", "acme"), acmeCase)).isEqualTo(Visibility.NONE);
    }

    @Test
    void assignedCaseManagerSeesInFullOthersNothing() {
        assertThat(CaseAccess.of(caller("dr-carla", "case-manager", "acme"), acmeCase)).isEqualTo(Visibility.FULL);
        assertThat(CaseAccess.of(caller("dr-david", "case-manager", "acme"), acmeCase)).isEqualTo(Visibility.NONE);
    }

    @Test
    void partnerSeesMetadataOfOwnTenantOnly() {
        assertThat(CaseAccess.of(caller("svc", "partner", "acme"), acmeCase)).isEqualTo(Visibility.METADATA);
        assertThat(CaseAccess.of(caller("svc", "partner", "globex"), acmeCase)).isEqualTo(Visibility.NONE);
        assertThat(CaseAccess.of(new Caller("svc", Set.of("partner"), Optional.empty()), acmeCase))
                .isEqualTo(Visibility.NONE);
    }

    @Test
    void opsSeeMetadataAndSpecialistsNothing() {
        assertThat(CaseAccess.of(caller("olivia", "ops", null), acmeCase)).isEqualTo(Visibility.METADATA);
        assertThat(CaseAccess.of(caller("prof-eva", "specialist", null), acmeCase)).isEqualTo(Visibility.NONE);
    }

    @Test
    void caseWithoutLinkedPatientIsNotVisibleToAnyPatient() {
        SmoCase unlinked = caseOf("acme", null, null);
        assertThat(CaseAccess.of(caller("alice", "patient", "acme"), unlinked)).isEqualTo(Visibility.NONE);
        assertThat(CaseAccess.mayPerform(caller("alice", "patient", "acme"), unlinked, CaseAction.SUBMIT)).isFalse();
    }

    @Test
    void onlyThePatientOrTheTenantsPartnerMaySubmit() {
        assertThat(CaseAccess.mayPerform(caller("alice", "patient", "acme"), acmeCase, CaseAction.SUBMIT)).isTrue();
        assertThat(CaseAccess.mayPerform(caller("svc", "partner", "acme"), acmeCase, CaseAction.SUBMIT)).isTrue();
        assertThat(CaseAccess.mayPerform(caller("svc", "partner", "globex"), acmeCase, CaseAction.SUBMIT)).isFalse();
        assertThat(CaseAccess.mayPerform(caller("dr-carla", "case-manager", "acme"), acmeCase, CaseAction.SUBMIT)).isFalse();
        assertThat(CaseAccess.mayPerform(caller("olivia", "ops", null), acmeCase, CaseAction.SUBMIT)).isFalse();
    }

    private static Caller caller(String subject, String role, String tenant) {
        return new Caller(subject, Set.of(role), Optional.ofNullable(tenant));
    }

    private static SmoCase caseOf(String tenant, String patient, String manager) {
        SmoCase c = new SmoCase();
        c.tenant = tenant;
        c.patientId = patient;
        c.managerId = manager;
        return c;
    }
}
