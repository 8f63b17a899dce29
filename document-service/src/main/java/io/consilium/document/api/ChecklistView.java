package io.consilium.document.api;

import io.consilium.document.domain.ChecklistItem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A case's checklist: each item's state and, when rejected or waived, the reason. */
public record ChecklistView(@Schema(examples = "0e9d6c1a-3b7f-4e2a-8c5d-9f1b2a4c6e80") UUID caseId,
                            @Schema(description = "Every required item accepted or waived", examples = "false") boolean complete,
                            @Schema(description = "Codes of the required items neither accepted nor waived", examples = "[\"IMAGING\"]")
                            List<String> openItems,
                            List<Item> items) {

    public static ChecklistView of(UUID caseId, boolean complete, List<ChecklistItem> items) {
        return new ChecklistView(caseId, complete, ChecklistItem.openOf(items).stream().map(i -> i.code).toList(),
                items.stream().map(Item::of).toList());
    }

    public record Item(@Schema(examples = "c4a1e8f2-6d3b-4a9c-b7e5-1f2d3c4b5a60") UUID id,
                       @Schema(examples = "IMAGING") String code,
                       @Schema(examples = "Imaging studies (CT, MRI, PET)") String label,
                       @Schema(examples = "true") boolean required,
                       @Schema(description = "Who asked first: SPECIALTY (the plan's template for the requested specialty), REQUEST (a record request) or SPECIMEN",
                               examples = "SPECIALTY") String source,
                       @Schema(description = "Everyone who asked for this record; a request for a template item is merged into it",
                               examples = "[\"SPECIALTY\", \"REQUEST\"]") List<String> sources,
                       @Schema(description = "The personal doctor whose record request named it", examples = "dr-carla")
                       String requestedBy,
                       @Schema(description = "PENDING, RECEIVED, ACCEPTED, REJECTED or WAIVED", examples = "WAIVED") String state,
                       @Schema(description = "Why it was rejected or waived",
                               examples = "No laboratory tests were done for this skin condition; the dermatologist's report covers it")
                       String reason,
                       @Schema(description = "Who waived it", examples = "dr-carla") String waivedBy,
                       @Schema(examples = "2026-11-13T10:02:44Z") Instant waivedAt,
                       @Schema(examples = "5b0c7a2e-8f3d-4c1e-9a6b-2d4f8e1c3a70") UUID documentId,
                       @Schema(description = "The specimen this item tracks", examples = "9a7e2c1d-4b3f-4e8a-a1c2-7d6e5f4b3a21")
                       UUID specimenId,
                       @Schema(examples = "2026-11-13T10:02:44Z") Instant updatedAt,
                       @Schema(description = "For If-Match on the review or waiver", examples = "3") long version) {

        public static Item of(ChecklistItem i) {
            return new Item(i.id, i.code, i.label, i.required, i.source.name(),
                    List.copyOf(i.sources), i.requestedBy, i.state.name(), i.reason, i.waivedBy,
                    i.waivedAt, i.documentId, i.specimenId, i.updatedAt, i.version);
        }
    }
}
