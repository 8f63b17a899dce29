package io.consilium.document.domain;

import io.consilium.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** One record a case needs. State changes only through its methods, which refuse illegal moves with 409. */
@Entity
@Table(name = "checklist_item")
public class ChecklistItem extends PanacheEntityBase {

    public enum Source { SPECIALTY, REQUEST }

    @Id
    public UUID id;
    @Column(name = "case_id", nullable = false)
    public UUID caseId;
    @Column(nullable = false)
    public String code;
    @Column(nullable = false)
    public String label;
    @Column(nullable = false)
    public boolean required;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ItemState state;
    public String reason;
    @Column(name = "document_id")
    public UUID documentId;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;

    public static ChecklistItem pending(UUID caseId, String code, String label, boolean required, Source source,
                                        Instant now) {
        ChecklistItem item = new ChecklistItem();
        item.id = UUID.randomUUID();
        item.caseId = caseId;
        item.code = code;
        item.label = label;
        item.required = required;
        item.source = source;
        item.state = ItemState.PENDING;
        item.updatedAt = now;
        return item;
    }

    public static List<ChecklistItem> ofCase(UUID caseId) {
        return list("caseId = ?1 order by code", caseId);
    }

    public static ChecklistItem ofCaseAndCode(UUID caseId, String code) {
        return find("caseId = ?1 and code = ?2", caseId, code).firstResult();
    }

    public void receive(UUID document, Instant now) {
        if (!state.mayReceive()) {
            throw new ProblemException.Conflict("Checklist item " + code + " is already accepted");
        }
        state = ItemState.RECEIVED;
        documentId = document;
        reason = null;
        updatedAt = now;
    }

    public void accept(Instant now) {
        if (!state.mayReview()) {
            throw new ProblemException.Conflict("Checklist item " + code + " has no document to accept (" + state + ")");
        }
        state = ItemState.ACCEPTED;
        reason = null;
        updatedAt = now;
    }

    public void reject(String why, Instant now) {
        if (!state.mayReview()) {
            throw new ProblemException.Conflict("Checklist item " + code + " has no document to reject (" + state + ")");
        }
        state = ItemState.REJECTED;
        reason = why;
        updatedAt = now;
    }

    /** Complete when there is at least one required item and every required item is accepted. */
    public static boolean complete(Collection<ChecklistItem> items) {
        return items.stream().anyMatch(i -> i.required)
                && items.stream().filter(i -> i.required).allMatch(i -> i.state == ItemState.ACCEPTED);
    }
}
