package io.consilium.report.security;

import io.consilium.platform.security.BreakGlass;
import io.consilium.platform.security.Caller;
import io.consilium.report.domain.CaseFile;
import io.consilium.report.domain.ReportState;
import io.consilium.report.security.ReportAccess.Relation;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every reader of a report, in every state that matters. */
class ReportAccessTest {

    private static CaseFile file() {
        CaseFile f = new CaseFile();
        f.caseId = UUID.randomUUID();
        f.tenant = "acme";
        f.patientId = "p-1";
        f.managerId = "dr-1";
        return f;
    }

    private static Caller caller(String subject, String role, String tenant) {
        return new Caller(subject, Set.of(role), Optional.ofNullable(tenant));
    }

    private static Optional<Relation> rel(Caller c, ReportState state, boolean partnerConsent, boolean breakGlass) {
        return ReportAccess.relation(c, "sp-1", state, file(), partnerConsent, breakGlass);
    }

    @Test
    void writerSeesOwnReportAlwaysButNeverAColleagues() {
        assertThat(rel(caller("sp-1", "specialist", null), ReportState.DRAFT, false, false)).contains(Relation.WRITER);
        assertThat(rel(caller("sp-2", "specialist", null), ReportState.SUBMITTED, false, false)).isEmpty();
        assertThat(rel(caller("sp-2", "specialist", null), ReportState.APPROVED, false, false)).isEmpty();
    }

    @Test
    void onlyTheAssignedCaseManagerReviews() {
        assertThat(rel(caller("dr-1", "case-manager", "acme"), ReportState.SUBMITTED, false, false)).contains(Relation.MANAGER);
        assertThat(rel(caller("dr-2", "case-manager", "acme"), ReportState.SUBMITTED, false, false)).isEmpty();
    }

    @Test
    void patientSeesOwnReportOnlyAfterRelease() {
        assertThat(rel(caller("p-1", "patient", "acme"), ReportState.APPROVED, false, false)).isEmpty();
        assertThat(rel(caller("p-1", "patient", "acme"), ReportState.RELEASED, false, false)).contains(Relation.PATIENT);
        assertThat(rel(caller("p-2", "patient", "acme"), ReportState.RELEASED, false, false)).isEmpty();
    }

    @Test
    void partnerNeedsItsTenantAConsentAndRelease() {
        assertThat(rel(caller("svc", "partner", "acme"), ReportState.RELEASED, true, false)).contains(Relation.PARTNER);
        assertThat(rel(caller("svc", "partner", "acme"), ReportState.RELEASED, false, false)).isEmpty();
        assertThat(rel(caller("svc", "partner", "acme"), ReportState.APPROVED, true, false)).isEmpty();
        assertThat(rel(caller("svc", "partner", "other"), ReportState.RELEASED, true, false)).isEmpty();
    }

    @Test
    void opsOnlyByBreakGlass() {
        assertThat(rel(caller("ops-1", "ops", null), ReportState.RELEASED, false, false)).isEmpty();
        assertThat(rel(caller("ops-1", "ops", null), ReportState.DRAFT, false, true)).contains(Relation.BREAK_GLASS);
    }
}
