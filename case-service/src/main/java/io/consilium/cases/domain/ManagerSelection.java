package io.consilium.cases.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the personal doctor for a new case: among the tenant's active doctors who speak the patient's language
 * and have room, the least loaded; ties go to the lowest subject so the choice is repeatable.
 */
public final class ManagerSelection {

    /** A doctor with their current number of open cases. */
    public record Candidate(String subject, List<String> languages, int capacity, long openCases) {
    }

    private ManagerSelection() {
    }

    public static Optional<String> pick(List<Candidate> candidates, String language) {
        return candidates.stream()
                .filter(c -> c.languages().contains(language))
                .filter(c -> c.openCases() < c.capacity())
                .min(Comparator.comparingLong(Candidate::openCases).thenComparing(Candidate::subject))
                .map(Candidate::subject);
    }
}
