package io.consilium.specialist.domain;

import java.util.List;

/** The fields of a directory entry that ops set, validated by the API before they reach the entity. */
public record SpecialistProfile(String subject, String name, String specialty, List<String> subspecialties,
                                List<String> conditions, List<String> languages, List<String> licenceCountries,
                                String practiceCountry, String institution, int monthlyCapacity, int currentLoad,
                                List<Absence> absences, Double turnaroundDays, boolean active) {
}
