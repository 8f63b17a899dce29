package io.consilium.document.api;

import io.consilium.document.domain.ChecklistItem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A case's checklist: each item's state and, when rejected, the reason. */
public record ChecklistView(@Schema(examples = "0e9d6c1a-3b7f-4e2a-8c5d-9f1b2a4c6e80") UUID caseId,
                            @Schema(description = "Every required item accepted", examples = "false") boolean complete,
                            List<Item> items) {

    public record Item(@Schema(examples = "c4a1e8f2-6d3b-4a9c-b7e5-1f2d3c4b5a60") UUID id,
                       @Schema(examples = "IMAGING") String code,
                       @Schema(examples = "Imaging studies (CT, MRI, PET)") String label,
                       @Schema(examples = "true") boolean required,
                       @Schema(description = "SPECIALTY (from the requested specialty) or REQUEST (asked for later)",
                               examples = "SPECIALTY") String source,
                       @Schema(examples = "REJECTED") String state,
                       @Schema(description = "Why it was rejected",
                               examples = "The orbital MRI stops above the optic nerve; please upload the complete series with contrast")
                       String reason,
                       @Schema(examples = "5b0c7a2e-8f3d-4c1e-9a6b-2d4f8e1c3a70") UUID documentId,
                       @Schema(examples = "2026-11-13T10:02:44Z") Instant updatedAt,
                       @Schema(description = "For If-Match on the review", examples = "3") long version) {

        public static Item of(ChecklistItem i) {
            return new Item(i.id, i.code, i.label, i.required, i.source.name(), i.state.name(), i.reason, i.documentId,
                    i.updatedAt, i.version);
        }
    }
}
