package io.consilium.cases.service;

import io.consilium.cases.domain.Intake;
import io.consilium.cases.domain.Opener;
import io.consilium.cases.domain.SmoCase;
import io.consilium.cases.events.CaseEvents;
import io.consilium.cases.events.CaseSubmitted;
import io.consilium.cases.security.CaseAccess;
import io.consilium.platform.audit.AuditTrail;
import io.consilium.platform.audit.AuditedAccess;
import io.consilium.platform.http.EntityTags;
import io.consilium.platform.outbox.Outbox;
import io.consilium.platform.outbox.OutgoingEvent;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.security.Caller;
import io.consilium.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;

/** Opening and submitting cases: each a single transaction with its audit record and its events. */
@ApplicationScoped
public class CaseIntake {

    private final CaseLookup lookup;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    CaseIntake(CaseLookup lookup, Outbox outbox, AuditTrail audit, Clock clock) {
        this.lookup = lookup;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public SmoCase open(Caller caller, Intake intake) {
        String role = caller.is(Roles.PARTNER) ? Roles.PARTNER : Roles.PATIENT;
        SmoCase opened = SmoCase.open(intake, new Opener(caller.subject(), role, caller.requireTenant()), clock.instant());
        opened.persist();
        audit.allowed(caller, new AuditedAccess("case", opened.id.toString(), opened.id.toString(), opened.tenant,
                "CREATE", "intake"));
        return opened;
    }

    @Transactional
    public SmoCase submit(Caller caller, UUID id, String ifMatch) {
        SmoCase c = lookup.visible(caller, id, "SUBMIT", LockModeType.PESSIMISTIC_WRITE).value();
        if (!CaseAccess.maySubmit(caller, c)) {
            throw new ProblemException.Forbidden("Only the patient or the partner of the case may submit it");
        }
        EntityTags.checkIfMatch(ifMatch, c.version);
        c.submit(clock.instant());
        SmoCase.flush();
        outbox.append(new OutgoingEvent(CaseEvents.TOPIC, CaseEvents.SUBMITTED, c.id.toString(), c.tenant,
                CaseSubmitted.of(c)));
        audit.allowed(caller, new AuditedAccess("case", c.id.toString(), c.id.toString(), c.tenant, "SUBMIT",
                "intake"));
        return c;
    }
}
