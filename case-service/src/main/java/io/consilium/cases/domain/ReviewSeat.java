package io.consilium.cases.domain;

import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One seat of a review panel: the specialty the specialist must have and, optionally, what the seat focuses on
 * (an ICD-10 code such as {@code L50.0} or a subspecialty slug such as {@code ophthalmic-oncology}), which
 * specialist-service scores candidates against instead of the case's diagnosis or subspecialty.
 */
public record ReviewSeat(String specialty, String focus) {

    /**
     * The seats a review request asks for: the ones it names, or {@code panelSize} seats of {@code specialty}
     * (default: the intake's). A request naming seats may repeat their number as panel size, nothing else.
     */
    public static List<ReviewSeat> requested(List<ReviewSeat> named, String specialty, Integer panelSize,
                                             String intakeSpecialty) {
        if (named == null) {
            if (panelSize == null) {
                throw new ProblemException.InvalidRequest("A review request names its seats or a panel size",
                        List.of(new Violation("panelSize", "must be given when seats are not")));
            }
            String one = specialty != null ? specialty : intakeSpecialty;
            return IntStream.range(0, panelSize).mapToObj(i -> new ReviewSeat(one, null)).toList();
        }
        List<Violation> clash = new ArrayList<>();
        if (panelSize != null && panelSize != named.size()) {
            clash.add(new Violation("panelSize", "must be the number of seats (" + named.size() + ") or absent"));
        }
        if (specialty != null) {
            clash.add(new Violation("specialty", "must be absent when seats are named: each seat has its specialty"));
        }
        if (named.isEmpty()) {
            clash.add(new Violation("seats", "must name at least one seat"));
        }
        if (!clash.isEmpty()) {
            throw new ProblemException.InvalidRequest("The review request contradicts its seats", clash);
        }
        return List.copyOf(named);
    }
}
