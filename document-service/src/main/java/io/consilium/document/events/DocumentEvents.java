package io.consilium.document.events;

/** Topic and CloudEvents types document-service publishes ({@code docs/events.md}). */
public final class DocumentEvents {

    public static final String TOPIC = "consilium.document.events";
    public static final String UPLOADED = "consilium.document.uploaded.v1";
    public static final String REJECTED = "consilium.document.rejected.v1";
    public static final String CHECKLIST_COMPLETED = "consilium.document.checklist-completed.v1";
    public static final String CHECKLIST_CHANGED = "consilium.document.checklist-changed.v1";
    public static final String SPECIMEN_REQUESTED = "consilium.document.specimen-requested.v1";
    public static final String SPECIMEN_SHIPPED = "consilium.document.specimen-shipped.v1";
    public static final String SPECIMEN_RECEIVED = "consilium.document.specimen-received.v1";
    public static final String SPECIMEN_RETURN_SHIPPED = "consilium.document.specimen-return-shipped.v1";
    public static final String SPECIMEN_RETURNED = "consilium.document.specimen-returned.v1";

    private DocumentEvents() {
    }
}
