package io.consilium.cases.service;

import io.consilium.cases.domain.CaseAction;
import io.consilium.cases.domain.CaseEventActor;
import io.consilium.cases.domain.TimelineActor;
import io.consilium.cases.domain.SmoCase;
import io.consilium.cases.events.CaseEvents;
import io.consilium.cases.security.CaseAccess;
import io.consilium.platform.audit.AuditTrail;
import io.consilium.platform.audit.AuditedAccess;
import io.consilium.platform.http.EntityTags;
import io.consilium.platform.outbox.Outbox;
import io.consilium.platform.outbox.OutgoingEvent;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.security.Caller;
import io.consilium.platform.security.CurrentCaller;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The steps every caller-triggered change of a case goes through, in this order: the case must be visible (else
 * 404), the caller must play a part allowed to trigger the action (else 403), {@code If-Match} must name the
 * current version (else 412); the case itself then refuses an action its state does not allow (409).
 * The row is locked for the rest of the transaction so concurrent changes of one case queue up.
 */
@ApplicationScoped
public class CaseWorkflow {

    private final CaseLookup lookup;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;
    private final Instance<SecurityIdentity> identity;
    private final Instance<CurrentCaller> currentCaller;

    CaseWorkflow(CaseLookup lookup, Outbox outbox, AuditTrail audit, Clock clock, Instance<SecurityIdentity> identity,
                 Instance<CurrentCaller> currentCaller) {
        this.lookup = lookup;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.identity = identity;
        this.currentCaller = currentCaller;
    }

    public SmoCase begin(Caller caller, UUID caseId, String ifMatch, CaseAction action) {
        SmoCase c = lookup.visible(caller, caseId, action.name(), LockModeType.PESSIMISTIC_WRITE).value();
        requireActor(caller, c, action);
        EntityTags.checkIfMatch(ifMatch, c.version);
        return c;
    }

    /** For reads restricted to the parts an action names: visible (404) and one of its actors (403), no lock. */
    public SmoCase authorize(Caller caller, UUID caseId, CaseAction action) {
        SmoCase c = lookup.visible(caller, caseId, action.name()).value();
        requireActor(caller, c, action);
        return c;
    }

    private void requireActor(Caller caller, SmoCase c, CaseAction action) {
        if (!CaseAccess.mayPerform(caller, c, action)) {
            audit.denied(caller, access(c, action.name(), "role or relation does not allow it"));
            throw new ProblemException.Forbidden("Your role and relation to this case do not allow "
                    + action.name().toLowerCase().replace('_', ' '));
        }
    }

    /**
     * Publishes a case event in the current transaction (flushing first so the case row leads). When a request's
     * caller caused it, who they were (subject, role, the token's name) is kept beside the event for the timeline;
     * a consumer's or the scheduler's event has no caller (the system acted).
     */
    public void publish(SmoCase c, String type, Object payload) {
        SmoCase.flush();
        UUID eventId = outbox.append(new OutgoingEvent(CaseEvents.TOPIC, type, c.id.toString(), c.tenant, payload));
        requestCaller().ifPresent(caller -> CaseEventActor.of(eventId,
                new TimelineActor(caller.subject(), caller.primaryRole(), caller.displayName().orElse(null))).persist());
    }

    /** The authenticated caller of the current HTTP request, if this runs inside one. */
    private Optional<Caller> requestCaller() {
        if (!Arc.container().requestContext().isActive() || identity.get().isAnonymous()) {
            return Optional.empty();
        }
        return Optional.of(currentCaller.get().get());
    }

    public void audit(Caller caller, SmoCase c, String action, String purpose) {
        audit.allowed(caller, access(c, action, purpose));
    }

    public Instant now() {
        return clock.instant();
    }

    private static AuditedAccess access(SmoCase c, String action, String purpose) {
        return new AuditedAccess("case", c.id.toString(), c.id.toString(), c.tenant, action, purpose);
    }
}
