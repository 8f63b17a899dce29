package io.consilium.report.api;

import io.consilium.platform.http.EntityTags;
import io.consilium.platform.problem.Problem;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;
import io.consilium.platform.security.BreakGlass;
import io.consilium.platform.security.Roles;
import io.consilium.report.domain.FollowUpQuestion;
import io.consilium.report.domain.ReportContent;
import io.consilium.report.domain.ReportVersion;
import io.consilium.report.output.FhirExport;
import io.consilium.report.output.ReportPdf;
import io.consilium.report.service.Addenda;
import io.consilium.report.service.ReportOutputs;
import io.consilium.report.service.ReportSteps;
import io.consilium.report.service.ReportWorkflow.Visible;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** One report: read, autosave the draft, submit, review. Rules live in the entity and {@link ReportSteps}. */
@Path("/api/v1/reports/{reportId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
@SecurityRequirement(name = "SecurityScheme")
public class ReportResource {

    public record ChangesRequest(
            @Schema(examples = "Please say in plain words which products to avoid, and whether he may eat normally again.")
            @NotBlank @Size(max = 4000) String comment) {
    }

    /** The patient's follow-up question after release. */
    public record Question(
            @Schema(examples = "May I use the shower gel again once the skin has healed?")
            @NotBlank @Size(max = 2000) String question) {
    }

    /** The writing specialist's answer to a follow-up question, frozen as an addendum. */
    public record AnswerRequest(
            @Schema(examples = "No. The allergy stays for life; choose products whose label does not list methylisothiazolinone.")
            @NotBlank @Size(max = 4000) String answer) {
    }

    public record QuestionView(UUID id, UUID reportId, String question, Instant askedAt, Integer answerVersion,
                               Instant answeredAt) {
        static QuestionView of(FollowUpQuestion q) {
            return new QuestionView(q.id, q.reportId, q.question, q.askedAt, q.answerVersion, q.answeredAt);
        }
    }

    private final ReportSteps steps;
    private final ReportOutputs outputs;
    private final Addenda addenda;

    ReportResource(ReportSteps steps, ReportOutputs outputs, Addenda addenda) {
        this.steps = steps;
        this.outputs = outputs;
        this.addenda = addenda;
    }

    @GET
    @RolesAllowed({Roles.SPECIALIST, Roles.CASE_MANAGER, Roles.PATIENT, Roles.PARTNER, Roles.OPS})
    @Operation(summary = "Read a report", description = "The writer sees the draft; the case manager and, after release, the patient (and a partner with REPORT_TO_PARTNER consent) see the latest submitted version; ops only by break-glass. Audited.")
    @APIResponse(responseCode = "200", description = "The report; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class),
                    examples = @ExampleObject(name = "released-dermatology-report",
                            summary = "The dermatologist's released report: contact allergy, not a food allergy",
                            value = ReportExamples.REPORT_VIEW)))
    public Response get(@PathParam("reportId") UUID reportId, @HeaderParam(BreakGlass.HEADER) String breakGlass) {
        return answer(steps.read(reportId, breakGlass));
    }

    @PUT
    @Path("/draft")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SPECIALIST)
    @Operation(summary = "Autosave the draft (writing specialist)", description = "Replaces the working copy; If-Match guards against a stale editor (412).")
    @APIResponse(responseCode = "200", description = "Saved; ETag is the new version")
    public Response saveDraft(@PathParam("reportId") UUID reportId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                              @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                      schema = @Schema(implementation = ReportContent.class),
                                      examples = @ExampleObject(name = "dermatology-report",
                                              summary = "Two years of itching and rashes: a contact allergy, not a food allergy",
                                              value = ReportExamples.CONTENT)))
                              @NotNull @Valid ReportContent content) {
        return answer(steps.saveDraft(reportId, ifMatch, content));
    }

    @POST
    @Path("/submit")
    @RolesAllowed(Roles.SPECIALIST)
    @Operation(summary = "Submit (writing specialist)", description = "Freezes the draft as a new immutable version with its SHA-256; publishes consilium.report.submitted.v1. 422 when required fields or answers are missing.")
    public Response submit(@PathParam("reportId") UUID reportId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return answer(steps.submit(reportId, ifMatch));
    }

    @POST
    @Path("/changes-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CASE_MANAGER)
    @Operation(summary = "Request changes (case manager)", description = "SUBMITTED -> CHANGES_REQUESTED with a comment; publishes consilium.report.changes-requested.v1.")
    @APIResponse(responseCode = "200", description = "The report, now CHANGES_REQUESTED; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    public Response requestChanges(@PathParam("reportId") UUID reportId,
                                   @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @NotNull @Valid ChangesRequest body) {
        return answer(steps.requestChanges(reportId, ifMatch, body.comment()));
    }

    @POST
    @Path("/approval")
    @RolesAllowed(Roles.CASE_MANAGER)
    @Operation(summary = "Approve (case manager)", description = "SUBMITTED -> APPROVED; publishes consilium.report.approved.v1.")
    public Response approve(@PathParam("reportId") UUID reportId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return answer(steps.approve(reportId, ifMatch));
    }

    @GET
    @Path("/versions")
    @RolesAllowed({Roles.SPECIALIST, Roles.CASE_MANAGER, Roles.PATIENT, Roles.PARTNER, Roles.OPS})
    @Operation(summary = "The immutable versions with their SHA-256")
    public List<ReportView.VersionView> versions(@PathParam("reportId") UUID reportId,
                                                 @HeaderParam(BreakGlass.HEADER) String breakGlass) {
        return steps.versions(reportId, breakGlass).stream().map(ReportView.VersionView::of).toList();
    }

    @GET
    @Path("/versions/{number}")
    @RolesAllowed({Roles.SPECIALIST, Roles.CASE_MANAGER, Roles.PATIENT, Roles.PARTNER, Roles.OPS})
    @Operation(summary = "One immutable version")
    public ReportView.VersionView version(@PathParam("reportId") UUID reportId, @PathParam("number") int number,
                                          @HeaderParam(BreakGlass.HEADER) String breakGlass) {
        return ReportView.VersionView.of(steps.version(reportId, number, breakGlass));
    }

    @GET
    @Path("/pdf")
    @Produces({ReportPdf.MEDIA_TYPE, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.SPECIALIST, Roles.CASE_MANAGER, Roles.PATIENT, Roles.PARTNER, Roles.OPS})
    @Operation(summary = "The report as PDF", description = "kind=summary (plain language, for the patient) or full (the expert report); fixed texts in the patient's language.")
    public Response pdf(@PathParam("reportId") UUID reportId, @QueryParam("kind") @DefaultValue("summary") String kind,
                        @HeaderParam(BreakGlass.HEADER) String breakGlass) {
        ReportPdf.Kind k = switch (kind.toLowerCase(Locale.ROOT)) {
            case "summary" -> ReportPdf.Kind.SUMMARY;
            case "full" -> ReportPdf.Kind.FULL;
            default -> throw new ProblemException.InvalidRequest("Unknown PDF kind",
                    List.of(new Violation("kind", "must be summary or full")));
        };
        return Response.ok(outputs.pdf(reportId, k, breakGlass), ReportPdf.MEDIA_TYPE).build();
    }

    @POST
    @Path("/follow-up-questions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PATIENT)
    @Operation(summary = "Ask a follow-up question after release (patient, at most three per case)")
    public Response ask(@PathParam("reportId") UUID reportId, @NotNull @Valid Question body) {
        return Response.status(201).entity(QuestionView.of(addenda.ask(reportId, body.question()))).build();
    }

    @GET
    @Path("/follow-up-questions")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SPECIALIST, Roles.CASE_MANAGER, Roles.PATIENT})
    @Operation(summary = "The follow-up questions of a report")
    public List<QuestionView> questions(@PathParam("reportId") UUID reportId) {
        return addenda.questions(reportId).stream().map(QuestionView::of).toList();
    }

    @POST
    @Path("/follow-up-questions/{questionId}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SPECIALIST)
    @Operation(summary = "Answer as an addendum (writing specialist)", description = "A new immutable version; publishes consilium.report.addendum-added.v1.")
    public ReportView.VersionView answer(@PathParam("reportId") UUID reportId, @PathParam("questionId") UUID questionId,
                                         @NotNull @Valid AnswerRequest body) {
        ReportVersion v = addenda.answer(reportId, questionId, body.answer());
        return ReportView.VersionView.of(v);
    }

    @GET
    @Path("/fhir")
    @Produces({FhirExport.MEDIA_TYPE, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.SPECIALIST, Roles.CASE_MANAGER, Roles.PATIENT, Roles.PARTNER, Roles.OPS})
    @Operation(summary = "The report as a FHIR R4 Bundle", description = "DiagnosticReport (final) based on the case's ServiceRequest, with the patient by identifier; latest submitted version. Audited.")
    public Response fhir(@PathParam("reportId") UUID reportId, @HeaderParam(BreakGlass.HEADER) String breakGlass) {
        return Response.ok(outputs.fhir(reportId, breakGlass), FhirExport.MEDIA_TYPE).build();
    }

    /** The changed report as its actor sees it, without recording another read. */
    private static Response answer(Visible v) {
        return Response.ok(ReportView.of(v)).tag(EntityTags.of(v.report().version)).build();
    }
}
