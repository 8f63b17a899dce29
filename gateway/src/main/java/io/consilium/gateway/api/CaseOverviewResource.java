package io.consilium.gateway.api;

import io.consilium.gateway.domain.AggregatePart;
import io.consilium.gateway.service.CaseOverviews;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import com.fasterxml.jackson.databind.JsonNode;
import io.consilium.gateway.service.FetchedPart;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /api/v1/cases/{caseId}/overview}: one call for the case and its parts. Every part is read with the
 * caller's own token, so the aggregate is no way around a service's access rule: what a service refuses the caller
 * is left out (named in {@code withheld}), and a case the caller may not see is the case service's own answer.
 */
@Tag(name = "Aggregates", description = "One call for what a screen needs, each part fetched with the caller's own token from its service")
@Path("/api/v1/cases/{caseId}/overview")
@Authenticated
public class CaseOverviewResource {

    private final CaseOverviews overviews;

    CaseOverviewResource(CaseOverviews overviews) {
        this.overviews = overviews;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The case and what every service knows about it, in one call",
            description = "State, timeline, SLA clocks, checklist, specimens, panel and invitations, reports and the "
                    + "caller's unread notifications about the case, fetched in parallel with the caller's token. "
                    + "Parts a service refuses the caller are left out (withheld); parts that do not come in within "
                    + "the gateway's aggregate timeout are named in missing, with partial: true.")
    @APIResponse(responseCode = "200", description = "The overview, possibly partial")
    public Uni<Response> overview(@PathParam("caseId") UUID caseId, @Context HttpServerRequest request) {
        return Uni.createFrom().completionStage(overviews.fetch(caseId, CallerHeaders.of(request)).toCompletionStage())
                .map(parts -> answer(caseId, parts));
    }

    private static Response answer(UUID caseId, Map<String, FetchedPart> parts) {
        FetchedPart theCase = parts.get(CaseOverviews.CASE);
        if (theCase.outcome() == AggregatePart.Outcome.WITHHELD) {
            // the case service's own refusal (404 for a case the caller may not see), word for word
            return ServiceAnswer.of(theCase);
        }
        Map<String, JsonNode> shown = new LinkedHashMap<>();
        parts.values().stream().filter(FetchedPart::shown).forEach(part -> shown.put(part.part().name(), part.body()));
        PartOutcomes outcomes = PartOutcomes.of(parts.values());
        return Response.ok(new CaseOverview(caseId, outcomes.partial(), outcomes.missing(), outcomes.withheld(), shown)).build();
    }
}
