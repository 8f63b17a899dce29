package io.consilium.specialist.consumers;

import io.consilium.platform.consumer.Delivery;
import io.consilium.specialist.domain.CaseDocument;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.UUID;

/**
 * Keeps the list of a case's records for the specialists' brief from document-service's events (metadata only),
 * once per event id (the inbox check is {@code IncomingRecords}'): uploaded adds a record, rejected removes it (a refused upload was never stored, a
 * record the personal doctor rejected is no longer part of the case).
 */
@ApplicationScoped
public class DocumentEventHandler {

    static final String CONSUMER = "specialist-document-events";
    static final String UPLOADED = "consilium.document.uploaded.v1";
    static final String REJECTED = "consilium.document.rejected.v1";
    private static final Set<String> HANDLED = Set.of(UPLOADED, REJECTED);

    public static boolean handles(String type) {
        return HANDLED.contains(type);
    }

    public void apply(Delivery delivery) {
        UUID caseId = delivery.caseId();
        if (UPLOADED.equals(delivery.type())) {
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
}
