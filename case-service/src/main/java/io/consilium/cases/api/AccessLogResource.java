package io.consilium.cases.api;

import io.consilium.cases.domain.AccessLogEntry;
import io.consilium.cases.service.CaseLookup;
import io.consilium.platform.paging.Page;
import io.consilium.platform.paging.PageRequest;
import io.consilium.platform.problem.Problem;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;
import io.consilium.platform.security.CurrentCaller;
import io.consilium.platform.security.Roles;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Who accessed the case's records, across all services, for the patient (and ops). */
@Path("/api/v1/cases/{caseId}/access-log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "404", description = "No such case, or not visible", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AccessLogResource {

    /**
     * One access. {@code name} is who acted as their token named them at the time (the subject when the record
     * carries no name), shown beside their {@code role}.
     */
    public record AccessView(String subject,
                             @Schema(examples = "Dr. Carla Ruiz") String name,
                             @Schema(examples = "case-manager") String role,
                             String objectType, String objectId, String action,
                             String purpose, boolean allowed, String service, Instant at) {
        /** A patient's name is for the patient; ops see that a patient acted, as on the timeline. */
        static AccessView of(AccessLogEntry e, boolean viewerIsThePatient) {
            String name = e.actorName != null ? e.actorName : e.subject;
            if (Roles.PATIENT.equals(e.role) && !viewerIsThePatient) {
                name = Roles.PATIENT;
            }
            return new AccessView(e.subject, name, e.role, e.objectType, e.objectId, e.action, e.purpose, e.allowed,
                    e.source, e.at);
        }
    }

    private final CaseLookup lookup;
    private final CurrentCaller caller;

    AccessLogResource(CaseLookup lookup, CurrentCaller caller) {
        this.lookup = lookup;
        this.caller = caller;
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.PATIENT, Roles.OPS})
    @Operation(summary = "The access log of the case's records, newest first (the patient's own case, or ops)")
    public Page<AccessView> log(@PathParam("caseId") UUID caseId,
                                @Parameter(description = "Only entries of this action, e.g. READ or DOWNLOAD")
                                @QueryParam("action") String action,
                                @BeanParam @Valid PageRequest page) {
        var found = lookup.visible(caller.get(), caseId, "READ_ACCESS_LOG");
        boolean ownCase = caller.get().is(Roles.PATIENT) && caller.get().subject().equals(found.value().patientId);
        if (!ownCase && !caller.get().is(Roles.OPS)) {
            throw new ProblemException.NotFound("Case " + caseId);
        }
        Sort newestFirst = Sort.descending("at", "eventId");
        PanacheQuery<AccessLogEntry> q = action == null || action.isBlank()
                ? AccessLogEntry.find("caseId", newestFirst, caseId)
                : AccessLogEntry.find("caseId = ?1 and action = ?2", newestFirst, caseId, knownAction(action));
        return Page.of(q, page).map(e -> AccessView.of(e, ownCase));
    }

    /** An action some access log has recorded, else 400 listing them (a typo must not look like "no access"). */
    private static String knownAction(String raw) {
        String action = raw.strip().toUpperCase(Locale.ROOT);
        @SuppressWarnings("unchecked")
        List<String> known = AccessLogEntry.getEntityManager()
                .createNativeQuery("select action from access_action order by action").getResultList();
        if (!known.contains(action)) {
            throw new ProblemException.InvalidRequest("Unknown access log action",
                    List.of(new Violation("action", "must be one of " + String.join(", ", known))));
        }
        return action;
    }
}
