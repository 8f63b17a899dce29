package io.consilium.specialist.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Fills the free seats of a panel, each from its own ranking, under the panel's country rule "at least N
 * specialists practising outside the patient's country of residence", which binds the panel as a whole.
 * <p>
 * Seats are filled in order and a seat is held to the rule only when the seats still free are no more than the
 * specialists from outside still needed: earlier seats take their best candidate, later ones make up the count.
 * This is greedy: a seat that must go abroad but has no candidate abroad is reported unfilled even when an
 * earlier seat could have gone abroad instead; ops then override or the doctor asks again.
 */
public final class SeatFilling {

    /** A pending or accepted invitation: it holds its seat, and counts for the rule by where it practises. */
    public record Held(int seat, String practiceCountry) {
    }

    public record Pick(Seat seat, Ranking.Ranked ranked, boolean outsideResidenceRequired) {
    }

    /** A seat no candidate can take; {@code reason} is {@value #NO_ELIGIBLE} or {@value #NO_ELIGIBLE_OUTSIDE}. */
    public record Unfilled(Seat seat, String reason) {
    }

    public record Result(List<Pick> picks, List<Unfilled> unfilled) {
        public Result {
            picks = List.copyOf(picks);
            unfilled = List.copyOf(unfilled);
        }
    }

    /** Ranks one seat, leaving out {@code alsoChosen} (picked for an earlier seat in the same round). */
    @FunctionalInterface
    public interface SeatRanker {
        Ranking rank(Seat seat, boolean outsideResidenceRequired, Set<UUID> alsoChosen);
    }

    public static final String NO_ELIGIBLE = "NO_ELIGIBLE_SPECIALIST";
    public static final String NO_ELIGIBLE_OUTSIDE = "NO_ELIGIBLE_SPECIALIST_OUTSIDE_RESIDENCE";

    private SeatFilling() {
    }

    /** The seats no pending or accepted invitation holds, in seat order. */
    public static List<Seat> free(List<Seat> seats, Collection<Held> held) {
        Set<Integer> taken = new HashSet<>();
        held.forEach(h -> taken.add(h.seat()));
        return seats.stream().filter(s -> !taken.contains(s.number())).toList();
    }

    /** How many of {@code held} practise outside {@code countryOfResidence}. */
    public static int outside(Collection<Held> held, String countryOfResidence) {
        return (int) held.stream().filter(h -> !countryOfResidence.equals(h.practiceCountry())).count();
    }

    /**
     * Whether the next free seat must go abroad: the specialists from outside still needed are at least the free
     * seats left, this one included.
     */
    public static boolean outsideRequired(int minOutsideResidence, int outsideHeld, int freeSeatsLeft) {
        int stillNeeded = minOutsideResidence - outsideHeld;
        return stillNeeded > 0 && stillNeeded >= freeSeatsLeft;
    }

    public static Result fill(List<Seat> seats, List<Held> held, String countryOfResidence, int minOutsideResidence,
                              SeatRanker ranker) {
        List<Seat> free = free(seats, held);
        int outside = outside(held, countryOfResidence);
        Set<UUID> chosen = new HashSet<>();
        List<Pick> picks = new ArrayList<>();
        List<Unfilled> unfilled = new ArrayList<>();
        for (int i = 0; i < free.size(); i++) {
            Seat seat = free.get(i);
            boolean abroad = outsideRequired(minOutsideResidence, outside, free.size() - i);
            Ranking ranking = ranker.rank(seat, abroad, Set.copyOf(chosen));
            if (ranking.ranked().isEmpty()) {
                unfilled.add(new Unfilled(seat, abroad ? NO_ELIGIBLE_OUTSIDE : NO_ELIGIBLE));
                continue;
            }
            Ranking.Ranked best = ranking.ranked().get(0);
            chosen.add(best.candidate().id());
            if (!countryOfResidence.equals(best.candidate().practiceCountry())) {
                outside++;
            }
            picks.add(new Pick(seat, best, abroad));
        }
        return new Result(picks, unfilled);
    }
}
