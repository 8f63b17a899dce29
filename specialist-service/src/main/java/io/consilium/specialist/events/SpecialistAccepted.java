package io.consilium.specialist.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code consilium.specialist.accepted.v1}: the specialist took a seat on the panel (country: where they practise).
 * {@code specialistName} is the directory's name at the time, so timelines and reports can name the author;
 * {@code specialty} and {@code institution} (the directory's at the time, since issue 13) let the patient's summary
 * say who the experts are. Added at the end: consumers that do not know them ignore them.
 */
public record SpecialistAccepted(UUID caseId, String tenant, UUID invitationId, UUID specialistId,
                                 String specialistSubject, String specialistName, String country, Instant acceptedAt,
                                 Integer seat, Instant reportDueBy, String specialty, String institution) {
}
