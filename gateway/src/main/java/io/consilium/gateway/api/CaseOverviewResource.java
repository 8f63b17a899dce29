package io.consilium.gateway.api;

import io.consilium.gateway.domain.AggregatePart;
import io.consilium.gateway.service.CaseOverviews;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /api/v1/cases/{caseId}/overview}: one call for the case and its parts. Every part is read with the
 * caller's own token, so the aggregate is no way around a service's access rule: what a service refuses the caller
 * is left out (named in {@code withheld}), and a case the caller may not see is the case service's own answer.
 */
@Path("/api/v1/cases/{caseId}/overview")
@Authenticated
public class CaseOverviewResource {

    /** The caller's headers that go with every part. */
    private static final List<String> FORWARDED = List.of("Authorization", "X-Request-Id", "traceparent", "Accept-Language");

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
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (String name : FORWARDED) {
            String value = request.getHeader(name);
            if (value != null) {
                headers.set(name, value);
            }
        }
        return Uni.createFrom().completionStage(overviews.fetch(caseId, headers).toCompletionStage())
                .map(parts -> answer(caseId, parts));
    }

    private static Response answer(UUID caseId, Map<String, CaseOverviews.Fetched> parts) {
        CaseOverviews.Fetched theCase = parts.get(CaseOverviews.CASE);
        if (theCase.outcome() == AggregatePart.Outcome.WITHHELD) {
            // the case service's own refusal (404 for a case the caller may not see), word for word
            return Response.status(theCase.status()).type(theCase.contentType() == null ? "application/problem+json"
                    : theCase.contentType()).entity(theCase.raw()).build();
        }
        Map<String, com.fasterxml.jackson.databind.JsonNode> shown = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> withheld = new ArrayList<>();
        parts.values().forEach(part -> {
            switch (part.outcome()) {
                case SHOWN -> shown.put(part.part().name(), part.body());
                case WITHHELD -> withheld.add(part.part().name());
                case MISSING -> missing.add(part.part().name());
            }
        });
        return Response.ok(new CaseOverview(caseId, !missing.isEmpty(), missing, withheld, shown)).build();
    }
}
