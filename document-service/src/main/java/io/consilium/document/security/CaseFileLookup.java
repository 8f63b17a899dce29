package io.consilium.document.security;

import io.consilium.document.domain.CaseFile;
import io.consilium.document.domain.CaseSpecialist;
import io.consilium.document.domain.Consent;
import io.consilium.document.security.DocumentAccess.Level;
import io.consilium.platform.audit.AuditTrail;
import io.consilium.platform.audit.AuditedAccess;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.UUID;
import java.util.function.Predicate;

/**
 * Loads a case's file with the caller's access level, or answers 404 alike for unknown cases and cases the
 * caller may not touch this way. Every refusal is audited ({@code allowed: false}) in its own transaction.
 */
@ApplicationScoped
public class CaseFileLookup {

    private final AuditTrail audit;

    CaseFileLookup(AuditTrail audit) {
        this.audit = audit;
    }

    public record Accessible(CaseFile file, Level level) {
    }

    /** The caller's access, requiring at least {@code needed}; {@code objectType}/{@code objectId} are for the audit record. */
    public Accessible require(Caller caller, UUID caseId, Predicate<Level> needed, String objectType, String objectId,
                              String action) {
        return require(caller, caseId, needed, objectType, objectId, action, LockModeType.NONE);
    }

    public Accessible require(Caller caller, UUID caseId, Predicate<Level> needed, String objectType, String objectId,
                              String action, LockModeType lock) {
        CaseFile file = caseId == null ? null : CaseFile.findById(caseId, lock);
        Level level = file == null ? Level.NONE
                : DocumentAccess.of(caller, file, Consent.ofCase(caseId), CaseSpecialist.ofCase(caseId));
        if (level == Level.NONE) {
            audit.denied(caller, new AuditedAccess(objectType, objectId, caseId == null ? null : caseId.toString(),
                    file == null ? null : file.tenant, action, "not visible to caller"));
            throw new ProblemException.NotFound(capitalised(objectType) + " " + objectId);
        }
        if (!needed.test(level)) {
            audit.denied(caller, new AuditedAccess(objectType, objectId, caseId.toString(), file.tenant, action,
                    "not allowed for " + level));
            throw new ProblemException.Forbidden("Your access to this case does not allow " + action);
        }
        return new Accessible(file, level);
    }

    private static String capitalised(String type) {
        return Character.toUpperCase(type.charAt(0)) + type.substring(1);
    }
}
