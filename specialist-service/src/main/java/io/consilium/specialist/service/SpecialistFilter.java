package io.consilium.specialist.service;

/** Optional filters of a directory search; null means "any". Text filters match exactly, name by substring. */
public record SpecialistFilter(String specialty, String subspecialty, String condition, String language,
                               String licenceCountry, String practiceCountry, String institution, String name,
                               Boolean active) {
}
