package io.consilium.cases.service;

import io.consilium.cases.domain.SmoCase;
import io.consilium.cases.security.CaseAccess;
import io.consilium.cases.security.CaseAccess.Visibility;
import io.consilium.platform.audit.AuditTrail;
import io.consilium.platform.audit.AuditedAccess;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.UUID;

/**
 * Loads a case for a caller, or answers 404 whether the case is unknown or merely foreign, so ids cannot
 * be probed. Refusals are audited; a full (clinical) read is audited by the caller of {@link #visible}.
 */
@ApplicationScoped
public class CaseLookup {

    private final AuditTrail audit;
    private final CasePatients patients;

    CaseLookup(AuditTrail audit, CasePatients patients) {
        this.audit = audit;
        this.patients = patients;
    }

    public record VisibleCase(SmoCase value, Visibility visibility) {
    }

    public VisibleCase visible(Caller caller, UUID id, String action) {
        return visible(caller, id, action, LockModeType.NONE);
    }

    /** The case with the caller's visibility; {@code lock} lets writers serialise on the row. */
    public VisibleCase visible(Caller caller, UUID id, String action, LockModeType lock) {
        SmoCase found = SmoCase.findById(id, lock);
        if (found != null && CasePatients.waitsFor(found, caller)) {
            patients.recognise(caller);
        }
        Visibility visibility = found == null ? Visibility.NONE : CaseAccess.of(caller, found);
        if (visibility == Visibility.NONE) {
            audit.denied(caller, new AuditedAccess("case", id.toString(), id.toString(),
                    found == null ? null : found.tenant, action, "not visible to caller"));
            throw new ProblemException.NotFound("Case " + id);
        }
        return new VisibleCase(found, visibility);
    }
}
