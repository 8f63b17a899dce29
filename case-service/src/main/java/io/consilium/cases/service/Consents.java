package io.consilium.cases.service;

import io.consilium.cases.domain.CaseAction;
import io.consilium.cases.domain.Consent;
import io.consilium.cases.domain.ConsentPurpose;
import io.consilium.cases.domain.SmoCase;
import io.consilium.cases.events.CaseEvents;
import io.consilium.cases.events.ConsentGranted;
import io.consilium.cases.events.ConsentRevoked;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * The patient's consents. Granting and revoking publish events in the same transaction, so the services that
 * hold records or reports cut access as soon as they read the revocation.
 */
@ApplicationScoped
public class Consents {

    private final CaseWorkflow workflow;
    private final CaseLookup lookup;

    Consents(CaseWorkflow workflow, CaseLookup lookup) {
        this.workflow = workflow;
        this.lookup = lookup;
    }

    @Transactional
    public Consent grant(Caller caller, UUID caseId, ConsentPurpose purpose, List<String> specialists,
                         List<String> countries) {
        SmoCase c = workflow.begin(caller, caseId, null, CaseAction.GRANT_CONSENT);
        c.check(CaseAction.GRANT_CONSENT);
        Consent consent = Consent.grant(c.id, purpose, specialists, countries, caller.subject(), workflow.now());
        consent.persist();
        workflow.publish(c, CaseEvents.CONSENT_GRANTED, new ConsentGranted(c.id, c.tenant, consent.id,
                purpose.name(), consent.specialistSubjects, consent.countries, consent.grantedAt));
        workflow.audit(caller, c, "GRANT_CONSENT", purpose.name());
        return consent;
    }

    @Transactional
    public Consent revoke(Caller caller, UUID caseId, UUID consentId) {
        SmoCase c = workflow.begin(caller, caseId, null, CaseAction.REVOKE_CONSENT);
        Consent consent = Consent.findById(consentId);
        if (consent == null || !consent.caseId.equals(c.id)) {
            throw new ProblemException.NotFound("Consent " + consentId);
        }
        consent.revoke(workflow.now());
        workflow.publish(c, CaseEvents.CONSENT_REVOKED, new ConsentRevoked(c.id, c.tenant, consent.id,
                consent.purpose.name(), consent.revokedAt));
        workflow.audit(caller, c, "REVOKE_CONSENT", consent.purpose.name());
        return consent;
    }

    /** Consents are visible to whoever sees the case. */
    @Transactional
    public List<Consent> of(Caller caller, UUID caseId) {
        SmoCase c = lookup.visible(caller, caseId, "READ_CONSENTS").value();
        return Consent.list("caseId = ?1 order by grantedAt", c.id);
    }
}
