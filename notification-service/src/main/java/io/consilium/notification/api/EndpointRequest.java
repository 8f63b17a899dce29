package io.consilium.notification.api;

import io.consilium.platform.input.InputKind;
import io.consilium.platform.input.TextKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A webhook endpoint as a partner (its own tenant) or ops (naming the tenant) registers it. */
@Schema(description = "A partner's webhook endpoint")
public record EndpointRequest(
        @Schema(description = "https URL on a public address (loopback only where the service allows it)",
                examples = "https://hooks.acme-insurance.example/consilium")
        @NotBlank @Size(max = 2000) @InputKind(TextKind.NAME) String url,
        @Schema(description = "Event types to receive", examples = "[\"consilium.report.released.v1\"]")
        @NotEmpty @Size(max = 30) @InputKind(TextKind.NAME) List<@NotBlank @Size(max = 200) String> eventTypes,
        @Schema(examples = "Member record updates") @Size(max = 500) String description,
        @Schema(description = "Ops only: the tenant the endpoint belongs to (a partner's is its own)", examples = "acme")
        @Size(max = 100) @InputKind(TextKind.NAME) String tenant) {

    /** The body of a replay of everything since a time. */
    public record ReplaySince(@Schema(examples = "2026-11-30T00:00:00Z") @NotNull java.time.Instant since) {
    }
}
