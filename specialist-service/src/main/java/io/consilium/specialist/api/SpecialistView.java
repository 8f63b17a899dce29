package io.consilium.specialist.api;

import io.consilium.specialist.domain.Specialist;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A directory entry as ops read it. */
public record SpecialistView(UUID id, String subject, String name, String specialty, List<String> subspecialties,
                             List<String> conditions, List<String> languages, List<String> licenceCountries,
                             String practiceCountry, String institution, int monthlyCapacity, int currentLoad,
                             List<SpecialistRequest.Period> absences, Double turnaroundDays, int turnaroundReports,
                             boolean active,
                             Instant createdAt, Instant updatedAt, long version) {

    public static SpecialistView of(Specialist s) {
        return new SpecialistView(s.id, s.subject, s.name, s.specialty, s.subspecialties, s.conditions, s.languages,
                s.licenceCountries, s.practiceCountry, s.institution, s.monthlyCapacity, s.currentLoad,
                s.absencePeriods().stream().map(a -> new SpecialistRequest.Period(a.from(), a.to())).toList(),
                s.turnaroundDays, s.turnaroundReports, s.active, s.createdAt, s.updatedAt, s.version);
    }
}
