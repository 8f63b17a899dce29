package io.consilium.specialist.api;

import io.consilium.platform.input.InputKind;
import io.consilium.platform.input.TextKind;
import io.consilium.specialist.domain.Provider;
import io.consilium.specialist.domain.ProviderKind;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;

/** An in-network provider as ops create or replace it. */
@Schema(description = "An in-network treatment provider of one tenant")
public record ProviderRequest(
        @Schema(description = "The insurer whose network it belongs to", examples = "acme")
        @NotBlank @Size(max = 100) @InputKind(TextKind.NAME) String tenant,
        @NotNull ProviderKind kind,
        @Schema(examples = "Clínica Universidad de Navarra")
        @NotBlank @Size(max = 200) @InputKind(TextKind.NAME) String name,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be a lower-case specialty slug such as urology")
        String specialty,
        @NotBlank @Size(max = 100) String city,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as ES") String country,
        @NotEmpty @Size(max = 20)
        List<@NotNull @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code such as en") String> languages,
        @Schema(description = "Treatments offered: codes of the treatment catalogue (catalogues/treatments.csv); an unknown code is refused with 422",
                examples = "[\"PLAQUE_BRACHYTHERAPY\", \"ENUCLEATION\"]")
        @Size(max = 60)
        List<@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be a treatment code such as PROTON_THERAPY") @Size(max = 64) String> treatments,
        @Schema(description = "What the provider offers in its own words, beyond the catalogue",
                examples = "Ocular oncology unit: plaque brachytherapy, proton therapy referrals")
        @Size(max = 2000) String treatmentsText,
        @Schema(description = "The plan networks of the tenant the provider belongs to", examples = "[\"acme-premium\"]")
        @Size(max = 20)
        List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be a lower-case network slug such as acme-premium") @Size(max = 64) String> networks,
        @Schema(description = "WGS 84 latitude; give both coordinates or neither", examples = "40.4168")
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @Schema(description = "WGS 84 longitude", examples = "-3.7038")
        @DecimalMin("-180") @DecimalMax("180") Double longitude) {

    @AssertTrue(message = "give both latitude and longitude, or neither")
    @Schema(hidden = true)
    public boolean isCoordinatesTogether() {
        return (latitude == null) == (longitude == null);
    }

    void applyTo(Provider p) {
        p.tenant = tenant;
        p.kind = kind;
        p.name = name;
        p.specialty = specialty;
        p.city = city;
        p.country = country;
        p.languages = new ArrayList<>(languages.stream().distinct().toList());
        p.treatments = new ArrayList<>(treatments == null ? List.of() : treatments.stream().distinct().toList());
        p.treatmentsText = treatmentsText == null || treatmentsText.isBlank() ? null : treatmentsText.strip();
        p.networks = new ArrayList<>(networks == null ? List.of() : networks.stream().distinct().toList());
        p.latitude = latitude;
        p.longitude = longitude;
    }
}
