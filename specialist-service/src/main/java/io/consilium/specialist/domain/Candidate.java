package io.consilium.specialist.domain;

import java.util.List;
import java.util.UUID;

/** What matching needs to know about a specialist: a read-only snapshot of a directory entry. */
public record Candidate(UUID id, String subject, String specialty, List<String> subspecialties,
                        List<String> conditions, List<String> languages, List<String> licenceCountries,
                        String practiceCountry, String institution, int monthlyCapacity, int currentLoad,
                        List<Absence> absences, Double turnaroundDays, boolean active) {

    public Candidate {
        subspecialties = List.copyOf(subspecialties);
        conditions = List.copyOf(conditions);
        languages = List.copyOf(languages);
        licenceCountries = List.copyOf(licenceCountries);
        absences = List.copyOf(absences);
    }
}
