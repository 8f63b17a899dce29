package io.consilium.document.api;

import io.consilium.document.domain.ChecklistItem;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A case's checklist: each item's state and, when rejected, the reason. */
public record ChecklistView(UUID caseId, boolean complete, List<Item> items) {

    public record Item(UUID id, String code, String label, boolean required, String source, String state,
                       String reason, UUID documentId, Instant updatedAt, long version) {

        public static Item of(ChecklistItem i) {
            return new Item(i.id, i.code, i.label, i.required, i.source.name(), i.state.name(), i.reason, i.documentId,
                    i.updatedAt, i.version);
        }
    }
}
