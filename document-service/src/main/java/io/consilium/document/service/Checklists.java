package io.consilium.document.service;

import io.consilium.document.domain.CaseFile;
import io.consilium.document.domain.ChecklistItem;
import io.consilium.document.domain.ChecklistTemplates;
import io.consilium.document.domain.ItemState;
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
 * Builds and changes a case's checklist, and publishes {@code checklist-completed} the moment every required
 * item is accepted (once per completion: a new required item reopens the checklist).
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

    /** The specialty's template items; items already on the checklist (same code) are kept as they are. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void build(CaseFile file) {
        Instant now = clock.instant();
        for (ChecklistTemplates.Template template : ChecklistTemplates.forSpecialty(file.specialty)) {
            if (ChecklistItem.ofCaseAndCode(file.caseId, template.code()) == null) {
                ChecklistItem.pending(file.caseId, template.code(), template.label(), true,
                        ChecklistItem.Source.SPECIALTY, now).persist();
            }
        }
        file.checklistCompletedAt = null;
    }

    /** The case manager's record request: new codes are added; a known code may become required. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void extend(CaseFile file, List<RequestedItem> items) {
        Instant now = clock.instant();
        boolean reopened = false;
        for (RequestedItem requested : items) {
            if (requested.code() == null || requested.code().isBlank()) {
                continue;
            }
            String code = requested.code().trim();
            String label = requested.label() == null || requested.label().isBlank() ? code : requested.label().trim();
            ChecklistItem existing = ChecklistItem.ofCaseAndCode(file.caseId, code);
            if (existing == null) {
                ChecklistItem.pending(file.caseId, code, truncate(label, 200), requested.required(),
                        ChecklistItem.Source.REQUEST, now).persist();
                reopened |= requested.required();
            } else if (requested.required() && !existing.required) {
                existing.required = true;
                existing.updatedAt = now;
                reopened |= existing.state != ItemState.ACCEPTED;
            }
        }
        if (reopened) {
            file.checklistCompletedAt = null;
        }
    }

    /** A document arrived for an item of this case; unknown or foreign item ids are refused by the caller. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void received(ChecklistItem item, UUID documentId) {
        item.receive(documentId, clock.instant());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void accept(CaseFile file, ChecklistItem item) {
        item.accept(clock.instant());
        ChecklistItem.flush();
        publishIfComplete(file);
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
    }

    private void publishIfComplete(CaseFile file) {
        if (file.checklistCompletedAt == null && ChecklistItem.complete(ChecklistItem.ofCase(file.caseId))) {
            Instant now = clock.instant();
            file.checklistCompletedAt = now;
            outbox.append(new OutgoingEvent(DocumentEvents.TOPIC, DocumentEvents.CHECKLIST_COMPLETED,
                    file.caseId.toString(), file.tenant, new ChecklistCompleted(file.caseId, file.tenant, now)));
        }
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
