package io.consilium.specialist.domain;

/**
 * The explained score of a candidate: each part is bounded (maximum in brackets) and the total is their sum.
 *
 * @param specialty  [20] 10 for the specialty, 10 more for the requested subspecialty (or when none was requested)
 * @param condition  [25] the specialist's conditions cover the ICD-10 code (0 when no code was given)
 * @param language   [15] speaks the patient's language
 * @param capacity   [15] share of the monthly capacity still free
 * @param turnaround [15] faster average turnaround scores higher: 15 at 0 days down to 0 at 30 days or more (7.5 when unknown)
 * @param licence    [10] licensed in the patient's country of residence
 */
public record ScoreParts(double specialty, double condition, double language, double capacity, double turnaround,
                         double licence) {

    public double total() {
        return round(specialty + condition + language + capacity + turnaround + licence);
    }

    static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
