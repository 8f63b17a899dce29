package io.consilium.cases.domain;

/** Age in bands, for the specialists' brief: enough for a clinical judgement, never an exact birth date. */
public enum AgeBand {
    UNDER_18,
    AGE_18_39,
    AGE_40_59,
    AGE_60_79,
    AGE_80_PLUS
}
