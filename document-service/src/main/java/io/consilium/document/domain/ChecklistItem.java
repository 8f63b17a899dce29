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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * One record a case needs, once per code of {@link RecordKinds}' vocabulary: the specialty's template and the
 * personal doctor's requests merge into the same item, which keeps who asked ({@link #sources},
 * {@link #requestedBy}). State changes only through its methods, which refuse illegal moves with 409.
 */
@Entity
@Table(name = "checklist_item")
public class ChecklistItem extends PanacheEntityBase {

    public enum Source { SPECIALTY, REQUEST, SPECIMEN }

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
    /** Who asked first (kept for clients of the earlier field); {@link #sources} holds everyone who asked. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> sources = new ArrayList<>();
    /** The personal doctor whose record request named this item, if one did (the first one). */
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "waived_by")
    public String waivedBy;
    @Column(name = "waived_at")
    public Instant waivedAt;
    @Column(name = "specimen_id")
    public UUID specimenId;
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
        item.sources = new ArrayList<>(List.of(source.name()));
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

    /**
     * Another party asks for the same record: it is recorded beside the first, and a required request makes the
     * item required. A waived item asked for again as required is open again (the waiver is withdrawn).
     *
     * @return whether the item is now an open required item it was not before (the checklist reopens)
     */
    public boolean askedAgain(Source by, String doctor, boolean requiredNow, Instant now) {
        if (!sources.contains(by.name())) {
            sources = new ArrayList<>(sources);
            sources.add(by.name());
        }
        if (doctor != null && requestedBy == null) {
            requestedBy = doctor;
        }
        boolean wasOpen = required && !state.settled();
        if (requiredNow && state == ItemState.WAIVED) {
            state = ItemState.PENDING;
            reason = null;
            waivedBy = null;
            waivedAt = null;
        }
        required |= requiredNow;
        updatedAt = now;
        return !wasOpen && required && !state.settled();
    }

    /** The case manager decides the case does without this record, and says why (shown on the checklist). */
    public void waive(String why, String by, Instant now) {
        if (!state.mayWaive()) {
            throw new ProblemException.Conflict("Checklist item " + code + " is " + state + " and cannot be waived");
        }
        state = ItemState.WAIVED;
        reason = why;
        waivedBy = by;
        waivedAt = now;
        updatedAt = now;
    }

    /** A required item that still holds the records back. */
    public boolean open() {
        return required && !state.settled();
    }

    public void receive(UUID document, Instant now) {
        if (!state.mayReceive()) {
            throw new ProblemException.Conflict("Checklist item " + code + " is already accepted");
        }
        state = ItemState.RECEIVED;
        documentId = document;
        reason = null;
        waivedBy = null;
        waivedAt = null;
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

    /**
     * Complete when there is at least one required item, every required item is accepted or waived, and at least
     * one of them was accepted (a checklist of waivers only has no records to review).
     */
    public static boolean complete(Collection<ChecklistItem> items) {
        return items.stream().anyMatch(i -> i.required && i.state == ItemState.ACCEPTED)
                && items.stream().noneMatch(ChecklistItem::open);
    }

    public static List<ChecklistItem> openOf(Collection<ChecklistItem> items) {
        return items.stream().filter(ChecklistItem::open).toList();
    }
}
