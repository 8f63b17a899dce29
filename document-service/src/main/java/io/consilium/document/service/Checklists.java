package io.consilium.document.service;

import io.consilium.document.domain.CaseFile;
import io.consilium.document.domain.ChecklistItem;
import io.consilium.document.domain.ChecklistTemplates;
import io.consilium.document.domain.Document;
import io.consilium.document.domain.DocumentKind;
import io.consilium.document.domain.RecordKinds;
import io.consilium.document.events.ChecklistChanged;
import io.consilium.document.events.ChecklistCompleted;
import io.consilium.document.events.DocumentEvents;
import io.consilium.document.events.DocumentRejected;
import io.consilium.platform.outbox.Outbox;
import io.consilium.platform.outbox.OutgoingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Builds and changes a case's checklist. The plan's template items and the personal doctor's requests merge by
 * code ({@link RecordKinds}): one item per record, keeping who asked. Every change publishes the checklist's state
 * ({@code checklist-changed}: the open required items), and {@code checklist-completed} the moment every required
 * item is accepted or waived (once per completion: a new required item reopens the checklist).
 */
@ApplicationScoped
public class Checklists {

    public record RequestedItem(String code, String label, boolean required) {
    }

    private final Outbox outbox;
    private final Clock clock;

    Checklists(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The specialty's template items, merged with items already on the checklist (same code after normalising). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void build(CaseFile file) {
        lockFile(file);
        Instant now = clock.instant();
        for (ChecklistTemplates.Template template : ChecklistTemplates.forSpecialty(file.specialty)) {
            add(file, RecordKinds.normalise(template.code()), template.label(), true, ChecklistItem.Source.SPECIALTY,
                    null, now);
        }
        file.checklistCompletedAt = null;
        changed(file, now);
    }

    /**
     * The personal doctor's record request: each code is normalised; a new one is added, a known one records the
     * request beside the template's and may become required (reopening a completed checklist).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void extend(CaseFile file, List<RequestedItem> items, String requestedBy) {
        lockFile(file);
        Instant now = clock.instant();
        boolean reopened = false;
        for (RequestedItem requested : items) {
            if (requested.code() == null || requested.code().isBlank()) {
                continue;
            }
            String code = RecordKinds.normalise(requested.code());
            String label = requested.label() == null || requested.label().isBlank() ? code : requested.label().trim();
            reopened |= add(file, code, truncate(label, 200), requested.required(), ChecklistItem.Source.REQUEST,
                    requestedBy, now);
        }
        if (reopened) {
            file.checklistCompletedAt = null;
        }
        changed(file, now);
    }

    /**
     * A specimen's own item (code {@code SPECIMEN_<n>}), required: the records are not complete until the
     * specimen reached the specialist's lab and the personal doctor accepted it, or waived it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ChecklistItem specimenRequested(CaseFile file, UUID specimenId, String description) {
        Instant now = clock.instant();
        long existing = ChecklistItem.count("caseId = ?1 and specimenId is not null", file.caseId);
        ChecklistItem item = ChecklistItem.pending(file.caseId, "SPECIMEN_" + (existing + 1),
                truncate("Specimen: " + description, 200), true, ChecklistItem.Source.SPECIMEN, now);
        item.specimenId = specimenId;
        item.persist();
        file.checklistCompletedAt = null;
        changed(file, now);
        return item;
    }

    /** The specimen reached its destination: its item is received, for the personal doctor to accept. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void specimenReceived(CaseFile file, UUID specimenId) {
        ChecklistItem item = ChecklistItem.find("caseId = ?1 and specimenId = ?2", file.caseId, specimenId).firstResult();
        if (item != null && item.state.mayReceive()) {
            item.receive(null, clock.instant());
            changed(file, item.updatedAt);
        }
    }

    /** A document arrived for an item of this case; unknown or foreign item ids are refused by the caller. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void received(ChecklistItem item, UUID documentId) {
        // the case file first, as the review does (file, then item): an upload and a review of one case never deadlock
        CaseFile file = CaseFile.findById(item.caseId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        item.receive(documentId, clock.instant());
        if (file != null) {
            changed(file, item.updatedAt);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void accept(CaseFile file, ChecklistItem item) {
        item.accept(clock.instant());
        ChecklistItem.flush();
        publishIfComplete(file);
        changed(file, item.updatedAt);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reject(CaseFile file, ChecklistItem item, String reason) {
        item.reject(reason, clock.instant());
        if (file.checklistCompletedAt != null && item.required) {
            file.checklistCompletedAt = null;
        }
        if (item.documentId != null) {
            outbox.append(new OutgoingEvent(DocumentEvents.TOPIC, DocumentEvents.REJECTED, file.caseId.toString(),
                    file.tenant, new DocumentRejected(file.caseId, file.tenant, item.documentId, "REVIEW",
                    item.updatedAt)));
        }
        changed(file, item.updatedAt);
    }

    /** The personal doctor waives an item with a reason; the last open one waived completes the checklist. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void waive(CaseFile file, ChecklistItem item, String reason, String by) {
        item.waive(reason, by, clock.instant());
        ChecklistItem.flush();
        publishIfComplete(file);
        changed(file, item.updatedAt);
    }

    /** @return whether a required item is open now that was not before */
    private static boolean add(CaseFile file, String code, String label, boolean required, ChecklistItem.Source source,
                               String requestedBy, Instant now) {
        ChecklistItem existing = ChecklistItem.ofCaseAndCode(file.caseId, code);
        if (existing == null) {
            ChecklistItem item = ChecklistItem.pending(file.caseId, code, label, required, source, now);
            item.requestedBy = requestedBy;
            item.persist();
            claimUploadedRecord(item, now);
            return required;
        }
        return existing.askedAgain(source, requestedBy, required, now);
    }

    /**
     * A new item takes the case's newest record of its kind that came without an item: the patient's app may have
     * sent "my lab results" before the doctor's request reached this service, and that record must tick the item
     * the request makes, not stay beside it while the item waits. The caller holds the case file's lock, as an
     * upload's completion does before it looks for the item (see {@link #lockFile}): whichever comes second sees
     * the other's commit.
     */
    private static void claimUploadedRecord(ChecklistItem item, Instant now) {
        Document.<Document>find("caseId = ?1 and checklistItemId is null order by uploadedAt desc", item.caseId)
                .stream()
                .filter(d -> !DocumentKind.OTHER.name().equals(d.kind) && item.code.equals(RecordKinds.normalise(d.kind)))
                .findFirst()
                .ifPresent(d -> {
                    d.checklistItemId = item.id;
                    item.receive(d.id, now);
                });
    }

    /**
     * Locks the case's file row for the rest of the transaction: checklist changes from events and an upload's
     * completion take it before they look at each other's rows (an item, a record without an item).
     */
    public static void lockFile(CaseFile file) {
        CaseFile.getEntityManager().lock(file, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    private void publishIfComplete(CaseFile file) {
        if (file.checklistCompletedAt == null && ChecklistItem.complete(ChecklistItem.ofCase(file.caseId))) {
            Instant now = clock.instant();
            file.checklistCompletedAt = now;
            outbox.append(new OutgoingEvent(DocumentEvents.TOPIC, DocumentEvents.CHECKLIST_COMPLETED,
                    file.caseId.toString(), file.tenant, new ChecklistCompleted(file.caseId, file.tenant, now)));
        }
    }

    /** Publishes the checklist's state as it is now, with the case's next revision. */
    private void changed(CaseFile file, Instant now) {
        ChecklistItem.flush();
        List<ChecklistItem> items = ChecklistItem.ofCase(file.caseId);
        List<ChecklistChanged.OpenItem> open = ChecklistItem.openOf(items).stream()
                .map(i -> new ChecklistChanged.OpenItem(i.id, i.code, i.state.name())).toList();
        List<String> waived = items.stream().filter(i -> i.state == io.consilium.document.domain.ItemState.WAIVED)
                .map(i -> i.code).toList();
        long revision = CaseFile.nextChecklistRevision(file.caseId);
        outbox.append(new OutgoingEvent(DocumentEvents.TOPIC, DocumentEvents.CHECKLIST_CHANGED, file.caseId.toString(),
                file.tenant, new ChecklistChanged(file.caseId, file.tenant, revision, ChecklistItem.complete(items),
                open, waived, items.stream().map(ChecklistChanged.Item::of).toList(), now)));
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
