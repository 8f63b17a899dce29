package io.consilium.specialist.api;

import io.consilium.specialist.domain.InvitationState;
import io.consilium.specialist.service.RankingQuery;

import java.util.List;
import java.util.UUID;

/**
 * A case's ranking seat by seat: for each seat who holds it, whether the panel's country rule needs it filled from
 * outside the patient's country, and its explained ranking (score parts of each candidate; excluded specialists of
 * the seat's specialty with the rule that excluded them).
 */
public record PanelRankingView(UUID caseId, String countryOfResidence, int minOutsideResidence, int outsideHeld,
                               List<SeatRankingView> seats) {

    public record SeatRankingView(int seat, String specialty, String focus, UUID heldBy, InvitationState heldState,
                                  boolean outsideResidenceRequired, RankingView ranking) {
    }

    public static PanelRankingView of(RankingQuery.PanelRanking panel, int limit) {
        return new PanelRankingView(panel.panel().caseId, panel.panel().countryOfResidence,
                panel.panel().minOutsideResidence, panel.outsideHeld(), panel.seats().stream()
                .map(s -> new SeatRankingView(s.seat().number(), s.seat().specialty(), s.seat().focus(),
                        s.holder() == null ? null : s.holder().id, s.holder() == null ? null : s.holder().state,
                        s.outsideResidenceRequired(), RankingView.of(s.ranking(), limit)))
                .toList());
    }
}
