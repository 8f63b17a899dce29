package io.consilium.cases.service;

import io.consilium.cases.domain.ReviewDeadlines;

import java.time.LocalDate;
import java.util.List;

/** What a plan says, as validated at the API edge. */
public record PlanTerms(String tenant, String name, List<String> coveredSpecialties, int opinionsPerMemberPerYear,
                        List<String> allowedSpecialistCountries, int recordsSlaBusinessDays,
                        int reviewSlaBusinessDays, List<LocalDate> holidays, int maxPanelSize, boolean active,
                        ReviewDeadlines urgent, ReviewDeadlines routine) {
}
