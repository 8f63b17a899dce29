package io.consilium.document.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code consilium.document.checklist-changed.v1}: the checklist's state after any change (built, extended,
 * a document received, accepted or rejected, an item waived, a specimen on its way). Case-service keeps the latest
 * (highest {@code revision}) to refuse "records complete" while a required item is open. Codes and states only:
 * no labels, reasons or file names (the labels and reasons are the personal doctor's free text).
 */
public record ChecklistChanged(UUID caseId, String tenant, long revision, boolean complete,
                               List<OpenItem> openItems, List<String> waivedItems, Instant changedAt) {

    /** A required item that is neither accepted nor waived. */
    public record OpenItem(UUID itemId, String code, String state) {
    }
}
