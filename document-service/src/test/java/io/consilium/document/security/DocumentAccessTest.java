package io.consilium.document.security;

import io.consilium.document.domain.CaseFile;
import io.consilium.document.domain.CaseSpecialist;
import io.consilium.document.domain.Consent;
import io.consilium.document.security.DocumentAccess.Level;
import io.consilium.platform.security.Caller;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The object-level rules, without a database. */
class DocumentAccessTest {

    private final CaseFile file = file();

    @Test
    void patientManagerAndOthers() {
        assertThat(level(caller("pat", "patient"), List.of(), List.of())).isEqualTo(Level.CONTRIBUTE);
        assertThat(level(caller("mgr", "case-manager"), List.of(), List.of())).isEqualTo(Level.MANAGE);
        assertThat(level(caller("other", "patient"), List.of(), List.of())).isEqualTo(Level.NONE);
        assertThat(level(caller("other-mgr", "case-manager"), List.of(), List.of())).isEqualTo(Level.NONE);
        assertThat(level(caller("pat", "specialist"), List.of(), List.of())).as("role matters, not only subject")
                .isEqualTo(Level.NONE);
        assertThat(level(caller("ops", "ops"), List.of(), List.of())).isEqualTo(Level.NONE);
        assertThat(DocumentAccess.of(caller("pat", "patient"), null, List.of(), List.of())).isEqualTo(Level.NONE);
    }

    @Test
    void specialistNeedsAcceptanceAndAConsentThatHolds() {
        Caller spec = caller("spec", "specialist");
        assertThat(level(spec, List.of(consent()), List.of())).as("not invited").isEqualTo(Level.NONE);
        assertThat(level(spec, List.of(), List.of(answer("spec", CaseSpecialist.Answer.ACCEPTED)))).as("no consent")
                .isEqualTo(Level.NONE);
        assertThat(level(spec, List.of(consent()), List.of(answer("spec", CaseSpecialist.Answer.ACCEPTED))))
                .as("any specialist who accepted").isEqualTo(Level.READ);
        assertThat(level(spec, List.of(consent("other")), List.of(answer("spec", CaseSpecialist.Answer.ACCEPTED))))
                .as("consent names someone else").isEqualTo(Level.NONE);
        assertThat(level(spec, List.of(consent("spec")), List.of(answer("spec", CaseSpecialist.Answer.ACCEPTED))))
                .as("consent names them").isEqualTo(Level.READ);
        assertThat(level(spec, List.of(consent()), List.of(answer("spec", CaseSpecialist.Answer.DECLINED))))
                .as("declined").isEqualTo(Level.NONE);
        Consent revoked = consent();
        revoked.revokedAt = Instant.now();
        assertThat(level(spec, List.of(revoked), List.of(answer("spec", CaseSpecialist.Answer.ACCEPTED))))
                .as("revoked").isEqualTo(Level.NONE);
        Consent otherPurpose = consent();
        otherPurpose.purpose = "REPORT_TO_PARTNER";
        assertThat(level(spec, List.of(otherPurpose), List.of(answer("spec", CaseSpecialist.Answer.ACCEPTED))))
                .as("other purpose").isEqualTo(Level.NONE);
        Consent countries = consent();
        countries.countries = List.of("FR");
        assertThat(level(spec, List.of(countries), List.of(answer("spec", CaseSpecialist.Answer.ACCEPTED))))
                .as("country not allowed").isEqualTo(Level.NONE);
    }

    @Test
    void anEndedCaseKeepsItsPatientAndManagerButNoSpecialist() {
        file.endedAt = Instant.now();
        assertThat(level(caller("spec", "specialist"), List.of(consent()),
                List.of(answer("spec", CaseSpecialist.Answer.ACCEPTED)))).isEqualTo(Level.NONE);
        assertThat(level(caller("pat", "patient"), List.of(), List.of())).isEqualTo(Level.CONTRIBUTE);
        assertThat(level(caller("mgr", "case-manager"), List.of(), List.of())).isEqualTo(Level.MANAGE);
    }

    private Level level(Caller caller, List<Consent> consents, List<CaseSpecialist> specialists) {
        return DocumentAccess.of(caller, file, consents, specialists);
    }

    private static Caller caller(String subject, String role) {
        return new Caller(subject, Set.of(role), Optional.of("acme"));
    }

    private static CaseFile file() {
        CaseFile f = new CaseFile();
        f.caseId = UUID.randomUUID();
        f.tenant = "acme";
        f.patientId = "pat";
        f.managerId = "mgr";
        return f;
    }

    private static Consent consent(String... subjects) {
        Consent c = new Consent();
        c.consentId = UUID.randomUUID();
        c.purpose = Consent.RECORDS_TO_SPECIALISTS;
        c.specialistSubjects = List.of(subjects);
        c.countries = List.of();
        return c;
    }

    private static CaseSpecialist answer(String subject, CaseSpecialist.Answer state) {
        CaseSpecialist s = new CaseSpecialist();
        s.specialistSubject = subject;
        s.state = state;
        s.country = "DE";
        return s;
    }
}
