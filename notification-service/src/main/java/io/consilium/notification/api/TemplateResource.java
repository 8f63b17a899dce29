package io.consilium.notification.api;

import io.consilium.notification.domain.MessageTexts;
import io.consilium.notification.service.MessageRenderer;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Ops preview the messages of an event in a language, rendered with sample data (no real case, no person). */
@Path("/api/v1/ops/templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Message templates")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Roles.OPS)
public class TemplateResource {

    /** A sample case id, the same in every preview. */
    static final UUID SAMPLE_CASE = UUID.fromString("7d9f4c2e-1b3a-4e5f-8a6b-9c0d1e2f3a4b");

    private final MessageRenderer renderer;

    TemplateResource(MessageRenderer renderer) {
        this.renderer = renderer;
    }

    @GET
    @Path("/{eventType}")
    @Operation(summary = "Preview an event's messages",
            description = "Subject, plain text and HTML of the e-mail and the short text of push and inbox, with sample "
                    + "data. Languages en, es, de, fr; any other falls back to en (the answer names the language used).")
    public MessageRenderer.Rendered preview(
            @Parameter(example = "consilium.report.released.v1") @PathParam("eventType") @Size(max = 200) String eventType,
            @Parameter(description = "ISO 639-1", example = "es") @QueryParam("language") @Pattern(regexp = "[a-z]{2}") String language,
            @Parameter(description = "For SLA events: AT_RISK or BREACHED") @QueryParam("status") @Pattern(regexp = "AT_RISK|BREACHED") String status) {
        return renderer.render(eventType, language == null ? MessageTexts.FALLBACK : language, SAMPLE_CASE, status)
                .orElseThrow(() -> new ProblemException.NotFound("template"));
    }
}
