package io.consilium.specialist.api;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import io.consilium.platform.http.QueryValues;
import io.consilium.platform.problem.Problem;
import io.consilium.platform.security.Roles;
import io.consilium.specialist.service.RankingQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Ranking previews: whom matching would choose for a request ops describe. Nothing is invited. */
@Path("/api/v1/rankings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Panels")
@SecurityRequirement(name = "SecurityScheme")
public class RankingResource {

    private final RankingQuery ranking;

    RankingResource(RankingQuery ranking) {
        this.ranking = ranking;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Preview the ranking for a described review request")
    @APIResponse(responseCode = "200", description = "The ranking", content = @Content(schema = @Schema(implementation = RankingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RankingView preview(@NotNull(message = "a request body is required") @Valid RankingPreviewRequest request,
                               @Parameter(description = "1 to 100, default 20", schema = @Schema(type = SchemaType.INTEGER))
                               @QueryParam("limit") String limit) {
        return RankingView.of(ranking.rank(request.toReviewRequest()), QueryValues.integer("limit", limit, 20, 1, 100));
    }
}
