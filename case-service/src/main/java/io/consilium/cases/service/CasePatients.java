package io.consilium.cases.service;

import io.consilium.cases.domain.CaseState;
import io.consilium.cases.domain.MemberAccount;
import io.consilium.cases.domain.SmoCase;
import io.consilium.cases.events.CaseEvents;
import io.consilium.cases.events.PatientLinked;
import io.consilium.platform.outbox.Outbox;
import io.consilium.platform.outbox.OutgoingEvent;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;
import io.consilium.platform.security.Caller;
import io.consilium.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Whose case it is. A case's member and patient account are established from the tenant's own data and the
 * caller's read-only account attributes, never taken from a request body as given: a patient's member id is the
 * one their token names; a partner names the member, and the patient account is the one linked to that member in
 * the partner's tenant ({@link MemberAccount}), learnt when the patient's own token first named the member.
 */
@ApplicationScoped
public class CasePatients {

    /** The member and the patient account (null until known) a new case belongs to. */
    public record Owner(String memberId, String patientId) {
    }

    private final Outbox outbox;
    private final Clock clock;
    private final EntityManager entities;

    CasePatients(Outbox outbox, Clock clock, EntityManager entities) {
        this.outbox = outbox;
        this.clock = clock;
        this.entities = entities;
    }

    /** The owner of a case the caller opens, checking what the request says against the caller's account. */
    public Owner ownerOfNewCase(Caller caller, String requestedMemberId, String requestedPatientId) {
        if (caller.is(Roles.PARTNER)) {
            return ownerForPartner(caller.requireTenant(), requestedMemberId, requestedPatientId);
        }
        String memberId = caller.memberId().orElseThrow(() -> new ProblemException.Forbidden(
                "Your account names no member of your insurer, so it cannot open a case; ask your insurer to complete it"));
        if (requestedMemberId != null && !requestedMemberId.equals(memberId)) {
            throw new ProblemException.InvalidRequest("A patient opens cases for their own membership only",
                    List.of(new Violation("memberId", "must be empty or your account's own member id")));
        }
        if (requestedPatientId != null && !requestedPatientId.equals(caller.subject())) {
            throw new ProblemException.InvalidRequest("A patient can only open a case for themself",
                    List.of(new Violation("patientId", "must be empty or your own account")));
        }
        recognise(caller);
        return new Owner(memberId, caller.subject());
    }

    private static Owner ownerForPartner(String tenant, String memberId, String requestedPatientId) {
        if (memberId == null || memberId.isBlank()) {
            throw new ProblemException.InvalidRequest("A partner names the member the case is for",
                    List.of(new Violation("memberId", "must not be blank")));
        }
        String account = MemberAccount.of(tenant, memberId).map(a -> a.patientId).orElse(null);
        if (requestedPatientId != null && !Objects.equals(requestedPatientId, account)) {
            throw new ProblemException.Unprocessable("patientId is not the account of member " + memberId
                    + " in your tenant; leave it out and the case reaches the member's account once it is known",
                    List.of(new Violation("patientId", "is not the account of this member in your tenant")));
        }
        return new Owner(memberId, account);
    }

    /**
     * Records which member a patient's account is (the first time its token names one) and hands it the member's
     * cases a partner opened meanwhile. Refuses an account whose member is already another account's, or which is
     * already another member's: two accounts claiming one member is an account error for the insurer to fix, and
     * must never give one patient another's cases.
     */
    @Transactional
    public void recognise(Caller caller) {
        if (!caller.is(Roles.PATIENT) || caller.tenant().isEmpty() || caller.memberId().isEmpty()) {
            return;
        }
        String tenant = caller.tenant().get();
        String memberId = caller.memberId().get();
        MemberAccount linked = MemberAccount.of(tenant, memberId).orElse(null);
        if (linked != null) {
            requireOwnAccount(linked, caller);
            return;
        }
        Instant now = clock.instant();
        // Insert-if-absent, so two first requests of one patient at once do not fail on the key.
        entities.createNativeQuery("insert into member_account (tenant, member_id, patient_id, linked_at) "
                        + "values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, tenant).setParameter(2, memberId).setParameter(3, caller.subject())
                .setParameter(4, now).executeUpdate();
        linked = MemberAccount.of(tenant, memberId).orElse(null);
        if (linked == null) {
            throw new ProblemException.Forbidden("Your account is linked to another member of your insurer");
        }
        requireOwnAccount(linked, caller);
        claimUnlinkedCases(tenant, memberId, caller.subject(), now);
    }

    /** Whether the case waits for the account of the member this patient's token names. */
    public static boolean waitsFor(SmoCase c, Caller caller) {
        return c.patientId == null && caller.is(Roles.PATIENT)
                && caller.tenant().map(c.tenant::equals).orElse(false)
                && caller.memberId().map(c.memberId::equals).orElse(false);
    }

    private static void requireOwnAccount(MemberAccount linked, Caller caller) {
        if (!linked.isAccount(caller.subject())) {
            throw new ProblemException.Forbidden("Your member id is linked to another account; ask your insurer");
        }
    }

    private void claimUnlinkedCases(String tenant, String memberId, String patientId, Instant now) {
        List<SmoCase> waiting = SmoCase.find("tenant = ?1 and memberId = ?2 and patientId is null", tenant, memberId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (SmoCase c : waiting) {
            c.linkPatient(patientId, now);
            if (c.state != CaseState.DRAFT) {
                // Other services learnt of the case without its patient; a draft's submission will carry it.
                SmoCase.flush();
                outbox.append(new OutgoingEvent(CaseEvents.TOPIC, CaseEvents.PATIENT_LINKED, c.id.toString(), tenant,
                        new PatientLinked(c.id, tenant, memberId, patientId, now)));
            }
        }
    }
}
