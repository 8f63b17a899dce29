package io.consilium.document.events;

import io.consilium.document.domain.ChecklistItem;
import io.consilium.document.domain.ItemState;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code consilium.document.checklist-changed.v1}: the checklist's state after any change (built, extended,
 * a document received, accepted or rejected, an item waived, a specimen on its way). Case-service keeps the latest
 * (highest {@code revision}) to refuse "records complete" while a required item is open; specialist-service keeps
 * {@code items} as the specialists' brief lists the records (issue 12). Each item carries its code, label and
 * status; never a waiver's reason, a file name or who asked (the reasons are the personal doctor's free text, and
 * names have no place on the topic).
 */
public record ChecklistChanged(UUID caseId, String tenant, long revision, boolean complete,
                               List<OpenItem> openItems, List<String> waivedItems, List<Item> items,
                               Instant changedAt) {

    /** A required item that is neither accepted nor waived. */
    public record OpenItem(UUID itemId, String code, String state) {
    }

    /**
     * Every item of the one checklist: {@code kind} RECORD or SPECIMEN, {@code code} in {@code RecordKinds}'
     * vocabulary (or the doctor's own), {@code label} as the checklist shows it, {@code sources} who asked
     * (SPECIALTY: the plan's template for the specialty, REQUEST: the personal doctor, SPECIMEN), {@code state}
     * the checklist's own and {@code status} what it means for a reader: REQUESTED (nothing usable yet: pending
     * or rejected), RECEIVED (received or accepted) or WAIVED.
     */
    public record Item(UUID itemId, String code, String kind, String label, boolean required, List<String> sources,
                       String state, String status) {

        public static Item of(ChecklistItem item) {
            return new Item(item.id, item.code, item.specimenId != null ? "SPECIMEN" : "RECORD", item.label,
                    item.required, List.copyOf(item.sources), item.state.name(), status(item.state));
        }

        static String status(ItemState state) {
            return switch (state) {
                case PENDING, REJECTED -> "REQUESTED";
                case RECEIVED, ACCEPTED -> "RECEIVED";
                case WAIVED -> "WAIVED";
            };
        }
    }
}
