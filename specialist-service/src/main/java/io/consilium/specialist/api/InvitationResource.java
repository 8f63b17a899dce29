package io.consilium.specialist.api;

import io.consilium.platform.http.EntityTags;
import io.consilium.platform.http.QueryValues;
import io.consilium.platform.paging.Page;
import io.consilium.platform.paging.PageRequest;
import io.consilium.platform.problem.Problem;
import io.consilium.platform.security.Caller;
import io.consilium.platform.security.CurrentCaller;
import io.consilium.platform.security.Roles;
import io.consilium.specialist.domain.Invitation;
import io.consilium.specialist.domain.InvitationState;
import io.consilium.specialist.service.Briefs;
import io.consilium.specialist.service.InvitationLookup;
import io.consilium.specialist.service.PanelAssembly;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** A specialist's invitations: list, read, accept, decline. Another specialist's invitation answers 404. */
@Path("/api/v1/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Invitations")
@SecurityRequirement(name = "SecurityScheme")
public class InvitationResource {

    /** Mr. Lee's brief as the allergist of his panel reads it (an OpenAPI example; annotation values are constants). */
    static final String BRIEF_EXAMPLE = """
            {
              "caseId": "2a9e4c6b-8d1f-4b3a-a7c5-3e9f1b2d4c60",
              "invitationId": "7b2d9e41-3c5a-4f8e-9a1b-6d4c2e8f0a17",
              "specialty": "dermatology",
              "urgency": "ROUTINE",
              "dueBy": "2026-11-20T17:00:00Z",
              "patientLanguage": "es",
              "reasons": ["CONFIRM_DIAGNOSIS", "NOT_RESPONDING_TO_TREATMENT"],
              "questions": [
                {"questionId": "DIAGNOSIS_CORRECT", "kind": "STANDARD"},
                {"questionId": "WHY_DIFFERENT", "kind": "STANDARD"},
                {"questionId": "5e0c1a7f-2b94-4d63-8f1e-a3c7b9d2e604", "kind": "OWN",
                 "text": "¿Puede ser el gel de ducha lo que me provoca el picor?", "language": "es",
                 "translation": "Could the shower gel be what makes me itch?", "translationLanguage": "en"}
              ],
              "diagnosis": {"text": "Food allergy with chronic urticaria", "icd10Code": "L50.0"},
              "proposedTreatment": "Strict elimination diet and daily antihistamines",
              "history": "Itching and rashes for two years; elimination diet without effect; no patch test done.",
              "treatingInstitution": "Hospital Central",
              "ageBand": "AGE_40_59",
              "sex": "MALE",
              "checklist": [{"code": "LAB_RESULTS", "label": "IgE panels and food challenge results", "required": true}],
              "records": [{"documentId": "0f3e8a2c-61b7-4d95-b2a4-9c8e7d6f5a31", "checklistItemId": null, "kind": "LAB_RESULT",
                           "contentType": "application/pdf", "sizeBytes": 184320, "uploadedAt": "2026-11-05T10:12:00Z"}],
              "changedAt": "2026-11-06T09:00:00Z"
            }""";

    private final InvitationLookup lookup;
    private final PanelAssembly assembly;
    private final CurrentCaller currentCaller;
    private final Briefs briefs;

    InvitationResource(InvitationLookup lookup, PanelAssembly assembly, CurrentCaller currentCaller, Briefs briefs) {
        this.lookup = lookup;
        this.assembly = assembly;
        this.briefs = briefs;
        this.currentCaller = currentCaller;
    }

    @GET
    @Transactional
    @RolesAllowed(Roles.SPECIALIST)
    @Operation(summary = "The caller's own invitations, newest first")
    @APIResponse(responseCode = "200", description = "One page of invitations")
    public Page<InvitationView> mine(@BeanParam @Valid PageRequest page,
                                     @Parameter(description = "INVITED, ACCEPTED, DECLINED, EXPIRED, WITHDRAWN or RELEASED")
                                     @QueryParam("state") String state) {
        InvitationState wanted = QueryValues.enumValue("state", state, InvitationState.class);
        Parameters params = Parameters.with("subject", caller().subject());
        String where = "specialistSubject = :subject";
        if (wanted != null) {
            where += " and state = :state";
            params.and("state", wanted);
        }
        PanacheQuery<Invitation> query = Invitation.find(where, Sort.descending("invitedAt").and("id"), params);
        return Page.of(query, page)
                .map(InvitationView::of);
    }

    @GET
    @Path("/{id}")
    @Transactional
    @RolesAllowed({Roles.SPECIALIST, Roles.OPS})
    @Operation(summary = "Read one invitation")
    @APIResponse(responseCode = "200", description = "The invitation", content = @Content(schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "404", description = "No such invitation, or another specialist's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        Invitation invitation = lookup.visible(caller(), id, "READ");
        return Response.ok(InvitationView.of(invitation)).tag(EntityTags.of(invitation.version)).build();
    }

    @GET
    @Path("/{id}/brief")
    @RolesAllowed(Roles.SPECIALIST)
    @Operation(summary = "The full brief of an accepted invitation",
            description = "Reasons, every question of the patient (standard ones and the patient's own words, with the personal "
                    + "doctor's translation beside them), diagnosis, proposed treatment, history, treating institution, age band "
                    + "and sex where given, and the case's records with the checklist items asked for. Only for the invited "
                    + "specialist after accepting, while the patient's consent covers them; a decline, expiry, revocation or the "
                    + "case's end cut it off (404, like an unknown id). Every read is audited.")
    @APIResponse(responseCode = "200", description = "The brief", content = @Content(schema = @Schema(implementation = BriefView.class),
            examples = @ExampleObject(name = "dermatology-brief", summary = "Mr. Lee's brief for the allergist", value = BRIEF_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such invitation, another specialist's, not accepted, or the consent no longer holds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BriefView brief(@PathParam("id") UUID id) {
        return BriefView.of(briefs.forInvitation(caller(), id));
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed(Roles.SPECIALIST)
    @Operation(summary = "Accept: take a seat on the panel",
            description = "Reserves one seat of the specialist's monthly capacity; publishes accepted (and panel-assembled when it was the last seat).")
    @APIResponse(responseCode = "200", description = "Accepted", content = @Content(schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "404", description = "No such invitation, or another specialist's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already answered, past its deadline, or no capacity left",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response accept(@PathParam("id") UUID id,
                           @Parameter(description = "ETag of the version the caller saw") @HeaderParam("If-Match") String ifMatch) {
        Invitation invitation = assembly.accept(caller(), id, ifMatch);
        return Response.ok(InvitationView.of(invitation)).tag(EntityTags.of(invitation.version)).build();
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SPECIALIST)
    @Operation(summary = "Decline, with a reason", description = "The next candidate is invited at once.")
    @APIResponse(responseCode = "200", description = "Declined", content = @Content(schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "404", description = "No such invitation, or another specialist's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already answered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response decline(@PathParam("id") UUID id,
                            @Parameter(description = "ETag of the version the caller saw") @HeaderParam("If-Match") String ifMatch,
                            @NotNull(message = "a request body is required") @Valid DeclineRequest request) {
        Invitation invitation = assembly.decline(caller(), id, request.reason(), ifMatch);
        return Response.ok(InvitationView.of(invitation)).tag(EntityTags.of(invitation.version)).build();
    }

    private Caller caller() {
        return currentCaller.get();
    }
}
