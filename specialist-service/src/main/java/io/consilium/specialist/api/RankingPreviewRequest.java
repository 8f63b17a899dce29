package io.consilium.specialist.api;

import io.consilium.specialist.domain.ReviewRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A review request described by ops, to see whom matching would choose (nothing is invited). */
@Schema(description = "The matching fields of a review request")
public record RankingPreviewRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be a lower-case specialty slug such as urology")
        String requestedSpecialty,
        @Size(max = 64) String subspecialty,
        @Pattern(regexp = "[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?", message = "must be an ICD-10 code such as C61")
        String diagnosisIcd10,
        @NotNull @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code such as en") String preferredLanguage,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as ES") String countryOfResidence,
        @Size(max = 200) String treatingInstitution,
        @NotNull @Min(1) @Max(3) Integer panelSize,
        @Size(max = 50) List<@NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as DE") String> allowedCountries,
        @Schema(description = "The case's due date: specialists absent before it are excluded", examples = "2026-12-10")
        LocalDate dueBy,
        @Size(max = 50) List<@NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as FR") String> excludedCountries,
        @Schema(description = "Rank for a seat the panel's country rule needs filled from outside countryOfResidence")
        Boolean outsideResidenceRequired) {

    /** One seat's request: a preview explains one seat (a case's ranking shows each of its seats). */
    public ReviewRequest toReviewRequest() {
        return new ReviewRequest(requestedSpecialty, subspecialty, diagnosisIcd10, preferredLanguage, countryOfResidence,
                treatingInstitution, panelSize, allowedCountries == null ? Set.of() : Set.copyOf(allowedCountries), Set.of(), dueBy,
                excludedCountries == null ? Set.of() : Set.copyOf(excludedCountries), Boolean.TRUE.equals(outsideResidenceRequired));
    }
}
