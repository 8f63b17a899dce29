package io.consilium.document.security;

import io.consilium.document.domain.CaseFile;
import io.consilium.document.domain.CaseSpecialist;
import io.consilium.document.domain.Consent;
import io.consilium.platform.security.Caller;
import io.consilium.platform.security.Roles;

import java.util.Collection;

/**
 * Who may do what with a case's records (object-level rules of {@code docs/security.md}). Plain Java, decided
 * from the projected case facts only; everything not explicitly allowed is {@link Level#NONE}, which the API
 * answers as 404 so ids cannot be probed.
 */
public final class DocumentAccess {

    public enum Level {
        /** Not even the case's existence. */
        NONE,
        /**
         * Read the records: a specialist who accepted the case while the patient's consent holds for them and the
         * case is neither cancelled nor closed.
         */
        READ,
        /** Read and upload: the patient of the case. */
        CONTRIBUTE,
        /** Everything, including reviewing checklist items and tracking specimens: the assigned case manager. */
        MANAGE;

        public boolean mayRead() {
            return this != NONE;
        }

        public boolean mayUpload() {
            return this == CONTRIBUTE || this == MANAGE;
        }

        public boolean mayManage() {
            return this == MANAGE;
        }
    }

    private DocumentAccess() {
    }

    public static Level of(Caller caller, CaseFile file, Collection<Consent> consents,
                           Collection<CaseSpecialist> specialists) {
        if (file == null) {
            return Level.NONE;
        }
        if (caller.is(Roles.CASE_MANAGER) && file.managerId != null && file.managerId.equals(caller.subject())) {
            return Level.MANAGE;
        }
        // the case's own patient: its account within the case's tenant (a token names one tenant)
        if (caller.is(Roles.PATIENT) && file.patientId != null && file.patientId.equals(caller.subject())
                && file.tenant != null && caller.tenant().filter(file.tenant::equals).isPresent()) {
            return Level.CONTRIBUTE;
        }
        if (caller.is(Roles.SPECIALIST) && file.endedAt == null
                && specialistMayRead(caller.subject(), consents, specialists)) {
            return Level.READ;
        }
        return Level.NONE;
    }

    /**
     * The specialist's latest answer is ACCEPTED, and an unrevoked RECORDS_TO_SPECIALISTS consent names them
     * (or names nobody), and allows their country (or names no country).
     */
    static boolean specialistMayRead(String subject, Collection<Consent> consents,
                                     Collection<CaseSpecialist> specialists) {
        CaseSpecialist answer = specialists.stream()
                .filter(s -> subject.equals(s.specialistSubject))
                .findFirst().orElse(null);
        if (answer == null || answer.state != CaseSpecialist.Answer.ACCEPTED) {
            return false;
        }
        return consents.stream()
                .filter(Consent::active)
                .filter(c -> Consent.RECORDS_TO_SPECIALISTS.equals(c.purpose))
                .filter(c -> c.specialistSubjects.isEmpty() || c.specialistSubjects.contains(subject))
                .anyMatch(c -> c.countries.isEmpty() || (answer.country != null && c.countries.contains(answer.country)));
    }
}
