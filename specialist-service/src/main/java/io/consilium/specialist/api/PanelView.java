package io.consilium.specialist.api;

import io.consilium.specialist.domain.Invitation;
import io.consilium.specialist.domain.PanelRequest;
import io.consilium.specialist.domain.PanelState;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A case's panel as ops follow it: the request, its state and every invitation so far. */
public record PanelView(UUID caseId, String tenant, PanelState state, int panelSize, String specialty,
                        String subspecialty, String diagnosisIcd10, List<String> allowedCountries, Instant dueBy,
                        Instant requestedAt, Instant assembledAt, int unfilledSeats, List<InvitationView> invitations) {

    public static PanelView of(PanelRequest p, List<Invitation> invitations) {
        return new PanelView(p.caseId, p.tenant, p.state, p.panelSize, p.specialty, p.subspecialty, p.diagnosisIcd10,
                p.allowedCountries, p.dueBy, p.requestedAt, p.assembledAt, p.unfilledSeats,
                invitations.stream().map(InvitationView::of).toList());
    }
}
