package io.consilium.cases.domain;

/** The sex the personal doctor records for the brief, where it matters clinically; optional. */
public enum Sex {
    FEMALE,
    MALE,
    OTHER
}
