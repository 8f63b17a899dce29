package io.consilium.specialist.api;

import io.consilium.specialist.domain.Exclusion;
import io.consilium.specialist.domain.Ranking;

import java.util.List;
import java.util.UUID;

/** A ranking with its explanation: each candidate's score parts, and who was excluded and why. */
public record RankingView(int candidates, List<RankedView> ranked, int excludedTotal, List<ExcludedView> excluded) {

    public record Score(double specialty, double condition, double language, double capacity, double turnaround,
                        double licence, double total) {
    }

    public record RankedView(int rank, UUID specialistId, String specialistSubject, String practiceCountry,
                             String institution, Score score) {
    }

    public record ExcludedView(UUID specialistId, Exclusion reason) {
    }

    public static RankingView of(Ranking ranking, int limit) {
        List<RankedView> ranked = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(limit, ranking.ranked().size()); i++) {
            Ranking.Ranked r = ranking.ranked().get(i);
            var s = r.score();
            ranked.add(new RankedView(i + 1, r.candidate().id(), r.candidate().subject(), r.candidate().practiceCountry(),
                    r.candidate().institution(), new Score(s.specialty(), s.condition(), s.language(), s.capacity(),
                    s.turnaround(), s.licence(), s.total())));
        }
        List<ExcludedView> excluded = ranking.excluded().stream().limit(limit)
                .map(e -> new ExcludedView(e.candidate().id(), e.reason())).toList();
        return new RankingView(ranking.ranked().size(), ranked, ranking.excluded().size(), excluded);
    }
}
