package io.consilium.specialist.consumers;

import io.consilium.platform.consumer.Delivery;
import io.consilium.platform.cloudevents.InvalidEvent;
import io.consilium.specialist.domain.BriefChecklist;
import io.consilium.specialist.domain.CaseChecklist;
import io.consilium.specialist.domain.CaseDocument;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the list of a case's records for the specialists' brief from document-service's events (metadata only),
 * once per event id (the inbox check is {@code IncomingRecords}'): uploaded adds a record, rejected removes it (a
 * refused upload was never stored, a record the personal doctor rejected is no longer part of the case), and
 * checklist-changed replaces the checklist items with the latest revision.
 */
@ApplicationScoped
public class DocumentEventHandler {

    static final String CONSUMER = "specialist-document-events";
    static final String UPLOADED = "consilium.document.uploaded.v1";
    static final String REJECTED = "consilium.document.rejected.v1";
    static final String CHECKLIST_CHANGED = "consilium.document.checklist-changed.v1";
    private static final Set<String> HANDLED = Set.of(UPLOADED, REJECTED, CHECKLIST_CHANGED);

    public static boolean handles(String type) {
        return HANDLED.contains(type);
    }

    public void apply(Delivery delivery) {
        UUID caseId = delivery.caseId();
        if (CHECKLIST_CHANGED.equals(delivery.type())) {
            checklistChanged(delivery, caseId, delivery.payload(ChecklistChanged.class));
        } else if (UPLOADED.equals(delivery.type())) {
            DocumentUploaded u = delivery.payload(DocumentUploaded.class);
            if (CaseDocument.findById(u.documentId()) == null) {
                CaseDocument d = new CaseDocument();
                d.documentId = u.documentId();
                d.caseId = caseId;
                d.checklistItemId = u.checklistItemId();
                d.kind = u.kind();
                d.contentType = u.contentType();
                d.sizeBytes = u.sizeBytes();
                d.uploadedAt = u.uploadedAt();
                d.persist();
            }
        } else {
            DocumentRejected r = delivery.payload(DocumentRejected.class);
            CaseDocument.delete("documentId = ?1 and caseId = ?2", r.documentId(), caseId);
        }
    }

    /** The latest checklist (highest revision) of the CloudEvent's tenant, set by document-service from the case. */
    private static void checklistChanged(Delivery delivery, UUID caseId, ChecklistChanged changed) {
        String tenant = delivery.event().tenant();
        if (tenant == null) {
            throw new InvalidEvent("Checklist " + delivery.event().id() + " is not valid: tenant is missing");
        }
        List<BriefChecklist.Item> items = changed.items() != null
                ? changed.items().stream().map(i -> new BriefChecklist.Item(i.itemId(), i.code(),
                        i.kind() == null ? "RECORD" : i.kind(), i.label() == null ? i.code() : i.label(), i.required(),
                        i.sources() == null ? List.of() : List.copyOf(i.sources()), i.status())).toList()
                : BriefChecklist.fromOpenAndWaived(
                        changed.openItems().stream().map(ChecklistChanged.OpenItem::itemId).toList(),
                        changed.openItems().stream().map(ChecklistChanged.OpenItem::code).toList(),
                        changed.openItems().stream().map(ChecklistChanged.OpenItem::state).toList(),
                        changed.waivedItems() == null ? List.of() : changed.waivedItems());
        CaseChecklist.keep(caseId, tenant, changed.revision(), items, changed.changedAt());
    }
}
