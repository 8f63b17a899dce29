package io.consilium.specialist.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ranks the specialists of a directory for a review request: excludes who may not or cannot take the case,
 * scores the rest with an explained {@link ScoreParts}, and orders them by total score, then by id, so equal
 * inputs always give the same ranking.
 */
public final class SpecialistRanking {

    private static final Comparator<Ranking.Ranked> BEST_FIRST = Comparator
            .comparingDouble((Ranking.Ranked r) -> r.score().total()).reversed()
            .thenComparing(r -> r.candidate().id().toString());

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SpecialistRanking() {
    }

    public static Ranking rank(ReviewRequest request, Collection<Candidate> candidates, LocalDate today) {
        List<Ranking.Ranked> ranked = new ArrayList<>();
        List<Ranking.Excluded> excluded = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Exclusion reason = exclusion(request, candidate, today);
            if (reason == null) {
                ranked.add(new Ranking.Ranked(candidate, score(request, candidate)));
            } else {
                excluded.add(new Ranking.Excluded(candidate, reason));
            }
        }
        ranked.sort(BEST_FIRST);
        excluded.sort(Comparator.comparing((Ranking.Excluded e) -> e.reason())
                .thenComparing(e -> e.candidate().id().toString()));
        return new Ranking(ranked, excluded);
    }

    /** The first rule (in {@link Exclusion} order) that keeps {@code candidate} off this case, or null. */
    public static Exclusion exclusion(ReviewRequest request, Candidate candidate, LocalDate today) {
        Set<Exclusion> all = exclusions(request, candidate, today);
        return all.isEmpty() ? null : all.iterator().next();
    }

    /** Every rule that keeps {@code candidate} off this case (empty when it is a candidate). */
    public static Set<Exclusion> exclusions(ReviewRequest request, Candidate candidate, LocalDate today) {
        Set<Exclusion> reasons = EnumSet.noneOf(Exclusion.class);
        if (!candidate.active()) {
            reasons.add(Exclusion.INACTIVE);
        }
        if (candidate.subject() == null || candidate.subject().isBlank()) {
            reasons.add(Exclusion.NO_ACCOUNT);
        }
        if (!request.specialty().equals(candidate.specialty())) {
            reasons.add(Exclusion.SPECIALTY_MISMATCH);
        }
        if (request.alreadyInvited().contains(candidate.id())) {
            reasons.add(Exclusion.ALREADY_INVITED);
        }
        if (sameInstitution(request.treatingInstitution(), candidate.institution())) {
            reasons.add(Exclusion.CONFLICT_OF_INTEREST);
        }
        if (!request.allowsCountry(candidate.practiceCountry())) {
            reasons.add(Exclusion.COUNTRY_NOT_ALLOWED);
        }
        if (request.outsideResidenceRequired() && candidate.practiceCountry().equals(request.countryOfResidence())) {
            reasons.add(Exclusion.OUTSIDE_RESIDENCE_REQUIRED);
        }
        LocalDate last = request.presentUntil() == null || request.presentUntil().isBefore(today)
                ? today : request.presentUntil();
        if (candidate.absences().stream().anyMatch(a -> a.overlaps(today, last))) {
            reasons.add(Exclusion.ABSENT);
        }
        if (candidate.currentLoad() >= candidate.monthlyCapacity()) {
            reasons.add(Exclusion.AT_CAPACITY);
        }
        return reasons;
    }

    static ScoreParts score(ReviewRequest request, Candidate c) {
        double specialty = 10 + (request.subspecialty() == null || c.subspecialties().contains(request.subspecialty()) ? 10 : 0);
        double condition = ConditionCodes.covers(c.conditions(), request.diagnosisIcd10()) ? 25 : 0;
        double language = c.languages().contains(request.preferredLanguage()) ? 15 : 0;
        double capacity = c.monthlyCapacity() == 0 ? 0
                : 15.0 * (c.monthlyCapacity() - c.currentLoad()) / c.monthlyCapacity();
        double turnaround = c.turnaroundDays() == null ? 7.5
                : 15.0 * Math.max(0, 30 - c.turnaroundDays()) / 30;
        double licence = c.licenceCountries().contains(request.countryOfResidence()) ? 10 : 0;
        return new ScoreParts(specialty, condition, language, ScoreParts.round(capacity),
                ScoreParts.round(turnaround), licence);
    }

    /** Institutions are typed by people: compare them ignoring case and spacing. */
    static boolean sameInstitution(String treating, String own) {
        if (treating == null || own == null || treating.isBlank()) {
            return false;
        }
        return normal(treating).equals(normal(own));
    }

    private static String normal(String institution) {
        String trimmed = institution.trim();
        // Most names have single spaces only: skip the regex on the hot path.
        if (trimmed.indexOf("  ") >= 0 || trimmed.indexOf('\t') >= 0 || trimmed.indexOf('\n') >= 0) {
            trimmed = SPACES.matcher(trimmed).replaceAll(" ");
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }
}
