package io.consilium.specialist.api;

import io.consilium.specialist.domain.Invitation;
import io.consilium.specialist.domain.PanelRequest;
import io.consilium.specialist.domain.PanelState;
import io.consilium.specialist.domain.Seat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A case's panel as ops follow it: the request (its seats, country rules and deadlines), its state and every
 * invitation so far. {@code shortSeats} are the seats the last no-candidate alert named.
 */
public record PanelView(UUID caseId, String tenant, PanelState state, int panelSize, String specialty,
                        String subspecialty, String diagnosisIcd10, List<String> allowedCountries, Instant dueBy,
                        Instant requestedAt, Instant assembledAt, int unfilledSeats, List<InvitationView> invitations,
                        List<Seat> seats, List<String> excludedCountries, int minOutsideResidence,
                        Integer acceptWithinHours, Integer reportWithinHours, List<Integer> shortSeats) {

    public static PanelView of(PanelRequest p, List<Invitation> invitations) {
        return new PanelView(p.caseId, p.tenant, p.state, p.panelSize, p.specialty, p.subspecialty, p.diagnosisIcd10,
                p.allowedCountries, p.dueBy, p.requestedAt, p.assembledAt, p.unfilledSeats,
                invitations.stream().map(InvitationView::of).toList(), p.seats, p.excludedCountries,
                p.minOutsideResidence, p.acceptWithinHours, p.reportWithinHours, p.shortSeats);
    }
}
