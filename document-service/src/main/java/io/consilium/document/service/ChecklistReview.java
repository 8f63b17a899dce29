package io.consilium.document.service;

import io.consilium.document.domain.ChecklistItem;
import io.consilium.document.security.CaseFileLookup;
import io.consilium.document.security.DocumentAccess.Level;
import io.consilium.platform.audit.AuditTrail;
import io.consilium.platform.audit.AuditedAccess;
import io.consilium.platform.http.EntityTags;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** Reading a case's checklist, and the case manager's review of its items. */
@ApplicationScoped
public class ChecklistReview {

    public enum Decision { ACCEPTED, REJECTED }

    private final CaseFileLookup lookup;
    private final Checklists checklists;
    private final AuditTrail audit;

    ChecklistReview(CaseFileLookup lookup, Checklists checklists, AuditTrail audit) {
        this.lookup = lookup;
        this.checklists = checklists;
        this.audit = audit;
    }

    public record View(List<ChecklistItem> items, boolean complete) {
    }

    @Transactional
    public View view(Caller caller, UUID caseId) {
        CaseFileLookup.Accessible access = lookup.require(caller, caseId, Level::mayRead, "checklist",
                String.valueOf(caseId), "READ");
        audit.allowed(caller, new AuditedAccess("checklist", caseId.toString(), caseId.toString(), access.file().tenant,
                "READ", "care"));
        List<ChecklistItem> items = ChecklistItem.ofCase(caseId);
        return new View(items, access.file().checklistCompletedAt != null);
    }

    @Transactional
    public ChecklistItem review(Caller caller, UUID caseId, UUID itemId, Decision decision, String reason,
                                String ifMatch) {
        CaseFileLookup.Accessible access = lookup.require(caller, caseId, Level::mayManage, "checklist-item",
                String.valueOf(itemId), "REVIEW", LockModeType.PESSIMISTIC_WRITE);
        ChecklistItem item = ChecklistItem.findById(itemId);
        if (item == null || !item.caseId.equals(caseId)) {
            throw new ProblemException.NotFound("Checklist item " + itemId);
        }
        EntityTags.checkIfMatch(ifMatch, item.version);
        if (decision == Decision.ACCEPTED) {
            checklists.accept(access.file(), item);
        } else {
            checklists.reject(access.file(), item, reason);
        }
        audit.allowed(caller, new AuditedAccess("checklist-item", itemId.toString(), caseId.toString(),
                access.file().tenant, "REVIEW_" + decision, "care"));
        return item;
    }

    /** The assigned case manager waives an item with a reason (audited; the reason is shown on the checklist). */
    @Transactional
    public ChecklistItem waive(Caller caller, UUID caseId, UUID itemId, String reason, String ifMatch) {
        CaseFileLookup.Accessible access = lookup.require(caller, caseId, Level::mayManage, "checklist-item",
                String.valueOf(itemId), "WAIVE", LockModeType.PESSIMISTIC_WRITE);
        ChecklistItem item = ChecklistItem.findById(itemId);
        if (item == null || !item.caseId.equals(caseId)) {
            throw new ProblemException.NotFound("Checklist item " + itemId);
        }
        EntityTags.checkIfMatch(ifMatch, item.version);
        checklists.waive(access.file(), item, reason, caller.subject());
        audit.allowed(caller, new AuditedAccess("checklist-item", itemId.toString(), caseId.toString(),
                access.file().tenant, "WAIVE", "care"));
        return item;
    }
}
