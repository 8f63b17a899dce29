package io.consilium.specialist.api;

import io.consilium.platform.input.InputKind;
import io.consilium.platform.input.TextKind;
import io.consilium.specialist.domain.Provider;
import io.consilium.specialist.domain.ProviderKind;
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
        List<@NotNull @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code such as en") String> languages) {

    void applyTo(Provider p) {
        p.tenant = tenant;
        p.kind = kind;
        p.name = name;
        p.specialty = specialty;
        p.city = city;
        p.country = country;
        p.languages = new ArrayList<>(languages.stream().distinct().toList());
    }
}
