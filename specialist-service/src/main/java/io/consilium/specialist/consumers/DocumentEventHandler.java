package io.consilium.specialist.consumers;

import io.consilium.platform.cloudevents.IncomingEvent;
import io.consilium.platform.consumer.EventPayloads;
import io.consilium.platform.inbox.Inbox;
import io.consilium.specialist.domain.CaseDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Set;
import java.util.UUID;

/**
 * Keeps the list of a case's records for the specialists' brief from document-service's events (metadata only),
 * exactly once per event id: uploaded adds a record, rejected removes it (a refused upload was never stored, a
 * record the personal doctor rejected is no longer part of the case).
 */
@ApplicationScoped
public class DocumentEventHandler {

    static final String CONSUMER = "specialist-document-events";
    static final String UPLOADED = "consilium.document.uploaded.v1";
    static final String REJECTED = "consilium.document.rejected.v1";
    private static final Set<String> HANDLED = Set.of(UPLOADED, REJECTED);

    private final Inbox inbox;
    private final EventPayloads payloads;

    DocumentEventHandler(Inbox inbox, EventPayloads payloads) {
        this.inbox = inbox;
        this.payloads = payloads;
    }

    /** @return false when the event is of another type or was applied before */
    @Transactional
    public boolean apply(IncomingEvent event, String payload) {
        if (!HANDLED.contains(event.type())) {
            return false;
        }
        UUID caseId = UUID.fromString(event.subject());
        if (!inbox.firstDelivery(CONSUMER, event.id(), event.type())) {
            return false;
        }
        if (UPLOADED.equals(event.type())) {
            DocumentUploaded u = payloads.read(payload, DocumentUploaded.class);
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
            DocumentRejected r = payloads.read(payload, DocumentRejected.class);
            CaseDocument.delete("documentId = ?1 and caseId = ?2", r.documentId(), caseId);
        }
        return true;
    }
}
