package io.consilium.cases.api;

import io.consilium.cases.domain.CaseState;
import io.consilium.cases.domain.SmoCase;
import io.consilium.cases.domain.Urgency;
import io.consilium.platform.security.BreakGlass;
import io.consilium.cases.security.CaseAccess.Visibility;
import io.consilium.cases.service.CaseFilter;
import io.consilium.cases.service.CaseIntake;
import io.consilium.cases.service.CaseLookup;
import io.consilium.cases.service.CaseSearch;
import io.consilium.cases.domain.TimelineEntry;
import io.consilium.platform.audit.AuditTrail;
import io.consilium.platform.audit.AuditedAccess;
import io.consilium.platform.http.EntityTags;
import io.consilium.platform.http.QueryValues;
import io.consilium.platform.paging.Page;
import io.consilium.platform.paging.PageRequest;
import io.consilium.platform.problem.Problem;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;
import io.consilium.platform.security.Caller;
import io.consilium.platform.security.CurrentCaller;
import io.consilium.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Intake and reading of cases. Thin: validate, call the service, map the answer. */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
@SecurityRequirement(name = "SecurityScheme")
public class CaseResource {

    private final CaseIntake intake;
    private final CaseLookup lookup;
    private final CaseSearch search;
    private final AuditTrail audit;
    private final CurrentCaller currentCaller;

    CaseResource(CaseIntake intake, CaseLookup lookup, CaseSearch search, AuditTrail audit, CurrentCaller currentCaller) {
        this.intake = intake;
        this.lookup = lookup;
        this.search = search;
        this.audit = audit;
        this.currentCaller = currentCaller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PATIENT, Roles.PARTNER})
    @Operation(summary = "Open a case",
            description = "A patient opens a case for themself, a partner for a member of its tenant. The case starts in DRAFT. "
                    + "A member who is not eligible now (not in the roster or not covered today, no active plan, the specialty "
                    + "not covered, the year's opinions used) is refused at once with 422 and the reason code in `reason`; "
                    + "nothing is stored. Submission checks again (eligibility may lapse in between) and then rejects the case.")
    @APIResponse(responseCode = "201", description = "Case opened",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "Invalid intake",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The member is not eligible; `reason` is NOT_IN_ROSTER, NO_PLAN, SPECIALTY_NOT_COVERED or QUOTA_USED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "specialty not covered", value = """
                            {"type":"urn:consilium:problem:unprocessable","title":"Request cannot be processed","status":422,
                             "detail":"The plan 'Standard' does not cover the specialty dermatology","instance":"/api/v1/cases",
                             "violations":[{"field":"memberId","message":"is not eligible: SPECIALTY_NOT_COVERED"}],
                             "reason":"SPECIALTY_NOT_COVERED"}""")))
    public Response open(@NotNull(message = "a request body is required") @Valid OpenCaseRequest request, UriInfo uri) {
        SmoCase opened = intake.open(caller(), request.toIntake());
        return Response.created(uri.getAbsolutePathBuilder().path(opened.id.toString()).build())
                .tag(EntityTags.of(opened.version))
                .entity(CaseView.of(opened, caller().is(Roles.PATIENT) ? Visibility.FULL : Visibility.METADATA))
                .build();
    }

    @GET
    @Path("/{caseId}")
    @Transactional
    @RolesAllowed({Roles.PATIENT, Roles.PARTNER, Roles.CASE_MANAGER, Roles.OPS})
    @Operation(summary = "Read one case",
            description = "Patients and the assigned personal doctor see the intake; partners and ops see metadata only. Ops may read the intake by break-glass: send X-Break-Glass-Reason; the reason is audited.")
    @APIResponse(responseCode = "200", description = "The case", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "No such case, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("caseId") UUID caseId,
                        @Parameter(description = "Ops only: why clinical content must be read (10 to 500 characters); audited")
                        @HeaderParam(BreakGlass.HEADER) String breakGlassReason) {
        CaseLookup.VisibleCase found = lookup.visible(caller(), caseId, "READ");
        Visibility visibility = found.visibility();
        String purpose = "care";
        if (visibility == Visibility.METADATA && caller().is(Roles.OPS) && breakGlassReason != null) {
            visibility = Visibility.FULL;
            purpose = BreakGlass.purpose(breakGlassReason);
        }
        if (visibility == Visibility.FULL) {
            audit.allowed(caller(), new AuditedAccess("case", caseId.toString(), caseId.toString(), found.value().tenant,
                    "READ", purpose));
        }
        return Response.ok(CaseView.of(found.value(), visibility))
                .tag(EntityTags.of(found.value().version))
                .build();
    }

    @GET
    @RolesAllowed({Roles.PATIENT, Roles.PARTNER, Roles.CASE_MANAGER, Roles.OPS})
    @Operation(summary = "List the cases visible to the caller",
            description = "Patients see their own cases, partners their tenant's, personal doctors the cases assigned to them, ops all. Newest first.")
    @APIResponse(responseCode = "200", description = "One page of cases")
    public Page<CaseSummary> list(@BeanParam @Valid PageRequest page,
                                  @Parameter(description = "One of the case states, e.g. SUBMITTED") @QueryParam("state") String state,
                                  @Parameter(description = "Ops only: narrow to one tenant")
                                  @QueryParam("tenant") @Size(max = 100) String tenant,
                                  @QueryParam("specialty") @Size(max = 64) @Pattern(regexp = "[a-z][a-z0-9-]*") String specialty,
                                  @Parameter(description = "ROUTINE or URGENT") @QueryParam("urgency") String urgency,
                                  @Parameter(description = "ISO-8601 instant, inclusive") @QueryParam("createdFrom") String createdFrom,
                                  @Parameter(description = "ISO-8601 instant, exclusive") @QueryParam("createdTo") String createdTo) {
        CaseFilter filter = new CaseFilter(QueryValues.enumValue("state", state, CaseState.class), tenant, specialty,
                QueryValues.enumValue("urgency", urgency, Urgency.class),
                QueryValues.instant("createdFrom", createdFrom), QueryValues.instant("createdTo", createdTo));
        return search.search(caller(), filter, page).map(CaseSummary::of);
    }

    @POST
    @Path("/{caseId}/submit")
    @RolesAllowed({Roles.PATIENT, Roles.PARTNER})
    @Operation(summary = "Submit a case",
            description = "Makes the intake final (DRAFT to SUBMITTED) and publishes consilium.case.submitted.v1. Send If-Match with the case's ETag to avoid submitting a version you have not seen.")
    @APIResponse(responseCode = "200", description = "The submitted case", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "No such case, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The case is not in DRAFT",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@PathParam("caseId") UUID caseId,
                           @Parameter(description = "ETag of the version the caller saw") @HeaderParam("If-Match") String ifMatch) {
        return CaseAnswers.changed(caller(), intake.submit(caller(), caseId, ifMatch));
    }

    @GET
    @Path("/{caseId}/timeline")
    @Transactional
    @RolesAllowed({Roles.PATIENT, Roles.PARTNER, Roles.CASE_MANAGER, Roles.OPS})
    @Operation(summary = "The events of a case, oldest first")
    @APIResponse(responseCode = "200", description = "The timeline")
    @APIResponse(responseCode = "404", description = "No such case, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<TimelineItem> timeline(@PathParam("caseId") UUID caseId) {
        // the note and a patient's name are clinical content: for those who see it (patient, personal doctor,
        // break-glass), not the partner or ops (metadata only)
        boolean full = lookup.visible(caller(), caseId, "READ_TIMELINE").visibility() == Visibility.FULL;
        return TimelineEntry.ofCase(caseId).stream().map(e -> TimelineItem.of(e, full)).toList();
    }

    private Caller caller() {
        return currentCaller.get();
    }
}
