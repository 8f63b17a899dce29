package io.consilium.cases.api;

import io.consilium.cases.service.CaseQuestions;
import io.consilium.platform.problem.Problem;
import io.consilium.platform.security.CurrentCaller;
import io.consilium.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * The patient's questions and the personal doctor's part of the specialists' brief. Each answers the case with
 * its new ETag; 404 not visible, 403 wrong part, 412 stale If-Match, 409 state (or the patient after the review
 * request), 422 an id the case does not have.
 */
@Path("/api/v1/cases/{caseId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Case lifecycle")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "200", description = "The case after the change", content = @Content(schema = @Schema(implementation = CaseView.class)))
@APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not allowed for the caller's part in the case", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such case or question, or not visible", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "The case's state does not allow the change", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "412", description = "If-Match names an older version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "422", description = "An id the case does not have, or a translation into the patient's own language", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CaseQuestionsResource {

    private final CaseQuestions questions;
    private final CurrentCaller caller;

    CaseQuestionsResource(CaseQuestions questions, CurrentCaller caller) {
        this.questions = questions;
        this.caller = caller;
    }

    @PUT
    @Path("/questions")
    @RolesAllowed({Roles.PATIENT, Roles.CASE_MANAGER})
    @Operation(summary = "Rewrite the reasons and questions (patient until the review is requested, then the personal doctor)",
            description = "Replaces reasons, standard questions and the patient's own questions; own questions keep their id "
                    + "when rewritten (a rewrite drops the translation). After the review request only the personal doctor "
                    + "may change them (the patient gets 409), and each change sends the brief to the specialists again "
                    + "(consilium.case.brief-changed.v1). Audited.")
    public Response rewrite(@PathParam("caseId") UUID caseId, @HeaderParam("If-Match") String ifMatch,
                            @NotNull @Valid QuestionRequests.Questions body) {
        return CaseAnswers.changed(caller.get(), questions.rewrite(caller.get(), caseId, ifMatch, body.reasons(),
                body.codes(), body.drafts()));
    }

    @PUT
    @Path("/questions/{questionId}/translation")
    @RolesAllowed(Roles.CASE_MANAGER)
    @Operation(summary = "Keep a translation beside one of the patient's own questions (personal doctor)",
            description = "For specialists who read another language than the patient's; the original stays as written. Audited.")
    public Response translate(@PathParam("caseId") UUID caseId, @PathParam("questionId") UUID questionId,
                              @HeaderParam("If-Match") String ifMatch, @NotNull @Valid QuestionRequests.Translation body) {
        return CaseAnswers.changed(caller.get(), questions.translate(caller.get(), caseId, ifMatch, questionId,
                body.language(), body.text()));
    }

    @PUT
    @Path("/background")
    @RolesAllowed(Roles.CASE_MANAGER)
    @Operation(summary = "Write the history, age band and sex for the specialists' brief (personal doctor)",
            description = "A full replacement; no birth date is ever kept. Audited; sent to the specialists again after the review request.")
    public Response describeBackground(@PathParam("caseId") UUID caseId, @HeaderParam("If-Match") String ifMatch,
                                       @NotNull @Valid QuestionRequests.Background body) {
        return CaseAnswers.changed(caller.get(), questions.describeBackground(caller.get(), caseId, ifMatch,
                body.history(), body.ageBand(), body.sex()));
    }
}
