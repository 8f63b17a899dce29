package io.consilium.cases.domain;

/** Why the patient asks for a second opinion (the seed list of {@code domain.md}). */
public enum ReasonCode {
    CONFIRM_DIAGNOSIS,
    COMPLEX_CONDITION,
    CHOOSE_BETWEEN_TREATMENTS,
    BEST_TREATMENT_OPTIONS,
    SURGERY_OR_LIFELONG_CONSEQUENCES,
    NOT_RESPONDING_TO_TREATMENT,
    RISKY_OR_EXPERIMENTAL_TREATMENT,
    RARE_OR_LIFE_THREATENING
}
