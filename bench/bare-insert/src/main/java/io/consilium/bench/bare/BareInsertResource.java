package io.consilium.bench.bare;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One POST that inserts one row: the reference of bench/write-path.sh. It reads the same JSON body as case-service's
 * {@code POST /api/v1/cases} (unknown fields ignored) so the parsing is comparable; no auth, no validation, no events.
 */
@Path("/api/v1/cases")
public class BareInsertResource {

    public record Intake(String memberId, String requestedSpecialty, String urgency, Diagnosis diagnosis,
                         String proposedTreatment) {
    }

    public record Diagnosis(String text, String icd10Code) {
    }

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(Intake intake) {
        BareCase row = new BareCase();
        row.id = UUID.randomUUID();
        row.memberId = intake.memberId();
        row.specialty = intake.requestedSpecialty();
        row.urgency = intake.urgency();
        row.diagnosis = intake.diagnosis() == null ? null : intake.diagnosis().text();
        row.proposedTreatment = intake.proposedTreatment();
        row.createdAt = Instant.now();
        row.persist();
        return Response.created(URI.create("/api/v1/cases/" + row.id)).entity(Map.of("id", row.id)).build();
    }
}
