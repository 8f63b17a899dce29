package io.consilium.specialist.consumers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The fields of document-service's {@code consilium.document.checklist-changed.v1} this service reads, for the
 * brief's list of records. {@code items} is absent in events from before issue 12's leftovers: then the open and
 * waived items are all there is.
 */
public record ChecklistChanged(@NotNull Long revision, @NotNull List<@NotNull @Valid OpenItem> openItems,
                               List<String> waivedItems, List<@NotNull @Valid Item> items,
                               @NotNull Instant changedAt) {

    public record OpenItem(UUID itemId, @NotBlank String code, @NotBlank String state) {
    }

    public record Item(UUID itemId, @NotBlank String code, String kind, String label, boolean required,
                       List<String> sources, @NotBlank String status) {
    }
}
