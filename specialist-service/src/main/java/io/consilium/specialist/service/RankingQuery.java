package io.consilium.specialist.service;

import io.consilium.platform.problem.ProblemException;
import io.consilium.specialist.domain.Invitation;
import io.consilium.specialist.domain.InvitationState;
import io.consilium.specialist.domain.Seat;
import io.consilium.specialist.domain.SeatFilling;
import io.consilium.specialist.domain.PanelRequest;
import io.consilium.specialist.domain.Ranking;
import io.consilium.specialist.domain.ReviewRequest;
import io.consilium.specialist.domain.SpecialistRanking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The ranking ops look at: for a case's panel request, or for a request they describe (a preview). */
@ApplicationScoped
public class RankingQuery {

    private final CandidatePool pool;
    private final Clock clock;

    RankingQuery(CandidatePool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** One seat's ranking: who holds the seat (null when free) and whether the country rule binds it. */
    public record SeatRanking(Seat seat, Invitation holder, boolean outsideResidenceRequired, Ranking ranking) {
    }

    /** The panel's rankings and how many specialists from outside the country of residence it has so far. */
    public record PanelRanking(PanelRequest panel, int outsideHeld, List<SeatRanking> seats) {
    }

    /**
     * The current ranking of every seat of a case: free seats as the next fill would rank them (the same
     * {@link SeatFilling}, so the country rule binds the same seats), held seats as a refill would rank them if
     * their holder declined. Specialists invited before are shown as excluded (ALREADY_INVITED).
     */
    @Transactional
    public PanelRanking forCase(UUID caseId) {
        PanelRequest panel = PanelRequest.findById(caseId);
        if (panel == null) {
            throw new ProblemException.NotFound("Panel request of case " + caseId);
        }
        List<Invitation> all = Invitation.ofCase(caseId);
        Set<UUID> invited = all.stream().map(i -> i.specialistId).collect(Collectors.toSet());
        List<SeatFilling.Held> held = PanelAssembly.held(all);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<Integer, SeatRanking> bySeat = new HashMap<>();
        SeatFilling.fill(panel.seats, held, panel.countryOfResidence, panel.minOutsideResidence,
                (seat, abroad, chosen) -> {
                    Set<UUID> excluded = new HashSet<>(invited);
                    excluded.addAll(chosen);
                    Ranking r = SpecialistRanking.rank(panel.toReviewRequest(seat, excluded, abroad),
                            pool.ofSpecialty(seat.specialty()), today);
                    bySeat.put(seat.number(), new SeatRanking(seat, null, abroad, r));
                    return r;
                });
        List<SeatRanking> seats = new ArrayList<>();
        for (Seat seat : panel.seats) {
            SeatRanking free = bySeat.get(seat.number());
            if (free != null) {
                seats.add(free);
                continue;
            }
            Invitation holder = holderOf(all, held, seat.number());
            List<SeatFilling.Held> others = held.stream().filter(h -> h.seat() != seat.number()).toList();
            boolean abroad = SeatFilling.outsideRequired(panel.minOutsideResidence,
                    SeatFilling.outside(others, panel.countryOfResidence), 1);
            seats.add(new SeatRanking(seat, holder, abroad, SpecialistRanking.rank(
                    panel.toReviewRequest(seat, invited, abroad), pool.ofSpecialty(seat.specialty()), today)));
        }
        return new PanelRanking(panel, SeatFilling.outside(held, panel.countryOfResidence), seats);
    }

    private static Invitation holderOf(List<Invitation> all, List<SeatFilling.Held> held, int seat) {
        List<Invitation> holding = all.stream()
                .filter(i -> i.state == InvitationState.INVITED || i.state == InvitationState.ACCEPTED).toList();
        for (int k = 0; k < holding.size(); k++) {
            if (held.get(k).seat() == seat) {
                return holding.get(k);
            }
        }
        return null;
    }

    @Transactional
    public Ranking rank(ReviewRequest request) {
        return SpecialistRanking.rank(request, pool.ofSpecialty(request.specialty()),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }
}
