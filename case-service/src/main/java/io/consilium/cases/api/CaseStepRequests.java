package io.consilium.cases.api;

import io.consilium.cases.domain.ConsentPurpose;
import io.consilium.cases.domain.CountryRules;
import io.consilium.cases.domain.ReviewSeat;
import io.consilium.cases.domain.FollowUp;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Request bodies of the lifecycle steps, each validated at the edge. */
public final class CaseStepRequests {

    private CaseStepRequests() {
    }

    public record AssignManager(
            @Schema(description = "Token subject of an active personal doctor of the case's tenant", examples = "dr-carla")
            @NotBlank @Size(max = 255) String managerId) {
    }

    public record RecordItem(
            @Schema(examples = "PATHOLOGY_REPORT")
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be an upper-case code such as PATHOLOGY_REPORT")
            String code,
            @Schema(examples = "Pathology report of the biopsy")
            @NotBlank @Size(max = 200) String label,
            boolean required) {
    }

    public record RequestRecords(@NotEmpty @Size(max = 50) List<@NotNull @Valid RecordItem> items) {
    }

    public record CompleteRecords(
            @Schema(description = "Only to complete the records while required checklist items are open: why the case can go "
                    + "ahead without them. Recorded on the case, in consilium.case.records-completed.v1 and in the timeline.",
                    examples = "The outside MRI cannot be obtained; the specialists agreed to review the CT instead")
            @Size(max = 1000) String overrideReason) {

        @jakarta.validation.constraints.AssertTrue(message = "must not be blank when given")
        @Schema(hidden = true)
        public boolean isOverrideReasonNotBlank() {
            return overrideReason == null || !overrideReason.isBlank();
        }
    }

    @Schema(description = "Either seats, or a specialty (default: the intake's) with a panel size")
    public record RequestReview(
            @Schema(description = "Defaults to the requested specialty of the intake; not with seats", examples = "urology")
            @Size(max = 64) @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be a lower-case specialty slug") String specialty,
            @Size(max = 64) @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be a lower-case slug") String subspecialty,
            @Schema(description = "Independent opinions wanted, within the plan's maximum; with seats, their number (or absent)", examples = "2")
            @Min(1) @Max(3) Integer panelSize,
            @Schema(description = "One entry per specialist wanted, each with its specialty (all covered by the plan)",
                    examples = "[{\"specialty\": \"dermatology\", \"focus\": \"L50.0\"}, {\"specialty\": \"allergy-immunology\"}]")
            @Size(min = 1, max = 3) List<@NotNull @Valid ReviewSeatRequest> seats,
            @Valid CountryRulesRequest countryRules) {

        /** The seats as named, or null when the request gives a specialty and a panel size instead. */
        public List<ReviewSeat> namedSeats() {
            return seats == null ? null : seats.stream().map(s -> new ReviewSeat(s.specialty(), s.focus())).toList();
        }

        public CountryRules countryRulesOrNone() {
            return countryRules == null ? CountryRules.NONE : new CountryRules(
                    countryRules.minOutsideResidence() == null ? 0 : countryRules.minOutsideResidence(),
                    countryRules.allowed(), countryRules.excluded());
        }
    }

    public record ReviewSeatRequest(
            @Schema(examples = "allergy-immunology")
            @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be a lower-case specialty slug") String specialty,
            @Schema(description = "What this seat focuses on: an ICD-10 code or a subspecialty slug", examples = "L50.0")
            @Size(max = 64) @Pattern(regexp = "[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?|[a-z][a-z0-9-]*",
                    message = "must be an ICD-10 code such as L50.0 or a lower-case subspecialty slug") String focus) {
    }

    public record CountryRulesRequest(
            @Schema(description = "At least this many specialists practising outside the patient's country of residence", examples = "2")
            @Min(0) @Max(3) Integer minOutsideResidence,
            @Schema(description = "Only these countries (within the plan's and the consent's); empty = those", examples = "[\"US\", \"ES\"]")
            @Size(max = 50) List<@NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String> allowed,
            @Schema(description = "Never these countries", examples = "[\"FR\"]")
            @Size(max = 50) List<@NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String> excluded) {
    }

    public record Discussion(@NotBlank @Size(max = 4000) String summary) {
    }

    public record ScheduleFollowUps(
            @Schema(description = "Days after the report; default 30, 90, 180", examples = "[30, 90, 180]")
            @Size(max = 10) List<@NotNull @Min(1) @Max(3650) Integer> daysAfterReport) {
    }

    public record FollowUpOutcome(
            @NotBlank @Size(max = 1000) String treatmentChosen,
            @NotNull FollowUp.OpinionFollowed opinionFollowed,
            @Schema(description = "In-network provider chosen, if any") @Size(max = 100) String providerId,
            @Size(max = 4000) String notes,
            @Schema(description = "The treatment chosen as a code of the treatment catalogue (catalogues/treatments.csv), "
                    + "if it has one; with a providerId, the provider must offer it (else 422)",
                    examples = "PLAQUE_BRACHYTHERAPY")
            @Size(max = 64) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be a treatment code such as PROTON_THERAPY")
            String treatmentCode) {
    }

    public record Cancel(@NotBlank @Size(max = 500) String reason) {
    }

    public record GrantConsent(
            @NotNull ConsentPurpose purpose,
            @Schema(description = "Only these specialists (token subjects); empty = any who accepts the case")
            @Size(max = 10) List<@NotBlank @Size(max = 255) String> specialistSubjects,
            @Schema(description = "Only specialists in these countries; empty = any", examples = "[\"DE\", \"ES\"]")
            @Size(max = 50) List<@NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String> countries) {
    }

    public record PostMessage(@NotBlank @Size(max = 4000) String body) {
    }
}
