package io.consilium.notification.consumers;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** {@code consilium.specialist.invited.v1}: who is invited (by login subject) and by which invitation. */
public record SpecialistInvited(@NotNull UUID invitationId, @NotBlank String specialistSubject) {
}
