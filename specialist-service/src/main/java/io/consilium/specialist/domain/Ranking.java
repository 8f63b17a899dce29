package io.consilium.specialist.domain;

import java.util.List;

/** The result of matching: candidates best first, and who was left out and why. */
public record Ranking(List<Ranked> ranked, List<Excluded> excluded) {

    public record Ranked(Candidate candidate, ScoreParts score) {
    }

    public record Excluded(Candidate candidate, Exclusion reason) {
    }

    public Ranking {
        ranked = List.copyOf(ranked);
        excluded = List.copyOf(excluded);
    }
}
