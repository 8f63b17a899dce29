package io.consilium.specialist.consumers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/** The fields of {@code consilium.case.records-requested.v1} this service reads: the items, for the brief. */
public record RecordsRequested(@NotNull List<@NotNull @Valid Item> items) {

    public record Item(@NotBlank String code, @NotBlank String label, boolean required) {
    }
}
