package io.consilium.specialist.api;

import io.consilium.platform.input.InputKind;
import io.consilium.platform.input.TextKind;
import io.consilium.specialist.domain.Absence;
import io.consilium.specialist.domain.ConditionCodes;
import io.consilium.specialist.domain.SpecialistProfile;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** A directory entry as ops create or replace it (also one row of a bulk import). */
@Schema(description = "A specialist of the directory")
public record SpecialistRequest(
        @Schema(description = "Token subject the specialist logs in with; unique; null until they have an account")
        @Size(max = 255) @Pattern(regexp = "\\S+", message = "must not contain spaces")
        @InputKind(TextKind.NAME) String subject,

        @Schema(examples = "Prof. Dr. Maria Keller")
        @NotBlank @Size(max = 200) @InputKind(TextKind.NAME)
        String name,

        @Schema(description = "Lower-case specialty slug", examples = "urology")
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be a lower-case specialty slug such as urology")
        String specialty,

        @Schema(examples = "[\"uro-oncology\"]")
        @Size(max = 20)
        List<@NotBlank @Size(max = 64) @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be a lower-case slug") String> subspecialties,

        @Schema(description = "ICD-10 codes (C61, C61.9) or ranges of categories (C60-C63)", examples = "[\"C60-C63\", \"N40\"]")
        @Size(max = 200)
        List<@NotNull @Pattern(regexp = "[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?|[A-Z][0-9]{2}-[A-Z][0-9]{2}",
                message = "must be an ICD-10 code such as C61 or a range such as C60-C63") String> conditions,

        @Schema(description = "ISO 639-1 codes", examples = "[\"de\", \"en\"]")
        @NotEmpty @Size(max = 20)
        List<@NotNull @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code such as en") String> languages,

        @Schema(description = "ISO 3166-1 alpha-2 codes of the countries the specialist is licensed in", examples = "[\"DE\", \"CH\"]")
        @NotEmpty @Size(max = 50)
        List<@NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as DE") String> licenceCountries,

        @Schema(examples = "DE")
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as DE")
        String practiceCountry,

        @Schema(examples = "Charité Berlin")
        @NotBlank @Size(max = 200)
        String institution,

        @Schema(description = "Cases per month", examples = "6")
        @NotNull @Min(0) @Max(1000)
        Integer monthlyCapacity,

        @Schema(description = "Cases accepted this month; defaults to 0", examples = "2")
        @Min(0) @Max(1000)
        Integer currentLoad,

        @Size(max = 50)
        List<@NotNull @Valid Period> absences,

        @Schema(description = "Average days from acceptance to report", examples = "6.5")
        @DecimalMin("0") @DecimalMax("365")
        Double turnaroundDays,

        @Schema(description = "Defaults to true")
        Boolean active) {

    /** An absence, both days inclusive. */
    public record Period(@NotNull LocalDate from, @NotNull LocalDate to) {

        @AssertTrue(message = "must not end before it starts")
        @Schema(hidden = true)
        public boolean isOrdered() {
            return from == null || to == null || !to.isBefore(from);
        }
    }

    @AssertTrue(message = "ranges must go from the lower to the higher category, e.g. C60-C63")
    @Schema(hidden = true)
    public boolean isConditionRangesAscending() {
        return conditions == null || conditions.stream()
                .allMatch(c -> c == null || !c.contains("-") || !c.matches("[A-Z][0-9]{2}-[A-Z][0-9]{2}") || ConditionCodes.isEntry(c));
    }

    public SpecialistProfile toProfile() {
        return new SpecialistProfile(subject, name, specialty, orEmpty(subspecialties), orEmpty(conditions), languages,
                licenceCountries, practiceCountry, institution, monthlyCapacity, currentLoad == null ? 0 : currentLoad,
                absences == null ? List.of() : absences.stream().map(p -> new Absence(p.from(), p.to())).toList(),
                turnaroundDays, active == null || active);
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }
}
