package io.consilium.specialist.consumers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The fields of {@code consilium.case.review-requested.v1} this service reads (unknown fields are ignored). Events
 * from before seats have no {@code seats}: they ask for {@code panelSize} seats of {@code requestedSpecialty};
 * without deadlines, this service's defaults apply.
 */
public record ReviewRequested(UUID caseId, String tenant, @NotBlank String requestedSpecialty, String subspecialty,
                              String diagnosisIcd10, @NotBlank String preferredLanguage, @NotBlank String countryOfResidence,
                              String treatingInstitution, @NotNull @Min(1) @Max(3) Integer panelSize, List<String> allowedCountries,
                              Instant dueBy, Instant requestedAt,
                              @Size(min = 1, max = 3) List<@NotNull @Valid Seat> seats,
                              @Size(max = 50) List<@NotNull @Pattern(regexp = "[A-Z]{2}") String> excludedCountries,
                              @Min(0) @Max(3) Integer minOutsideResidence,
                              @Min(1) @Max(720) Integer acceptWithinHours,
                              @Min(1) @Max(2880) Integer reportWithinHours) {

    public record Seat(@NotNull @Min(1) @Max(3) Integer seat,
                       @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]*") String specialty,
                       @Size(max = 64) @Pattern(regexp = "[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?|[a-z][a-z0-9-]*") String focus) {
    }
}
