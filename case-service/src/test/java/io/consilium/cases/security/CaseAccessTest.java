package io.consilium.cases.security;

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
        assertThat(CaseAccess.maySubmit(caller("alice", "patient", "acme"), unlinked)).isFalse();
    }

    @Test
    void onlyThePatientOrTheTenantsPartnerMaySubmit() {
        assertThat(CaseAccess.maySubmit(caller("alice", "patient", "acme"), acmeCase)).isTrue();
        assertThat(CaseAccess.maySubmit(caller("svc", "partner", "acme"), acmeCase)).isTrue();
        assertThat(CaseAccess.maySubmit(caller("svc", "partner", "globex"), acmeCase)).isFalse();
        assertThat(CaseAccess.maySubmit(caller("dr-carla", "case-manager", "acme"), acmeCase)).isFalse();
        assertThat(CaseAccess.maySubmit(caller("olivia", "ops", null), acmeCase)).isFalse();
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
