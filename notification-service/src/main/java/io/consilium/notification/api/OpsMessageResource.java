package io.consilium.notification.api;

import io.consilium.notification.domain.Channel;
import io.consilium.notification.domain.DeliveryStatus;
import io.consilium.notification.service.MessageHistory;
import io.consilium.platform.http.QueryValues;
import io.consilium.platform.paging.Page;
import io.consilium.platform.paging.PageRequest;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;
import io.consilium.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
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

import java.util.List;
import java.util.UUID;

/** Everyone's e-mail, push and inbox messages for support: subjects and outcomes, never the bodies. */
@Path("/api/v1/ops/messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Messages (ops)")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Roles.OPS)
public class OpsMessageResource {

    private final MessageHistory history;

    OpsMessageResource(MessageHistory history) {
        this.history = history;
    }

    @GET
    @Operation(summary = "Messages to people, newest first: subject, recipient, channel, status; no bodies")
    public Page<MessageHistory.Trace> list(@BeanParam @Valid PageRequest page,
                                           @Parameter(description = "A person's subject, or ops") @QueryParam("recipient") @Size(max = 200) String recipient,
                                           @Parameter(description = "uuid") @QueryParam("caseId") String caseId,
                                           @Parameter(description = "A tenant") @QueryParam("tenant") @Size(max = 100) String tenant,
                                           @Parameter(description = "EMAIL, PUSH or INBOX") @QueryParam("channel") String channel,
                                           @Parameter(description = "PENDING, RETRYING, DELIVERED, DEAD, HELD or SKIPPED") @QueryParam("status") String status,
                                           @Parameter(description = "ISO 639-1 of the subjects (default en)", example = "en") @QueryParam("language")
                                           @Pattern(regexp = "[a-z]{2}") String language) {
        Channel wanted = QueryValues.enumValue("channel", channel, Channel.class);
        if (wanted == Channel.WEBHOOK) {
            // partners' deliveries are read in each endpoint's log
            throw new ProblemException.InvalidRequest("Query parameter channel is not valid",
                    List.of(new Violation("channel", "must be EMAIL, PUSH or INBOX")));
        }
        var filter = new MessageHistory.Filter(QueryValues.text(recipient), QueryValues.uuid("caseId", caseId),
                QueryValues.text(tenant), wanted,
                QueryValues.enumValue("status", status, DeliveryStatus.class));
        return history.all(filter, language, page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One message to a person: subject and outcome; no body")
    public MessageHistory.Trace one(@PathParam("id") UUID id,
                                    @Parameter(description = "ISO 639-1 of the subject (default en)") @QueryParam("language")
                                    @Pattern(regexp = "[a-z]{2}") String language) {
        return history.one(id, language);
    }
}
