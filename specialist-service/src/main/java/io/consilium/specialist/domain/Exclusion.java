package io.consilium.specialist.domain;

/** Why a specialist is not a candidate for a case. Checked in this order; the first that applies is reported. */
public enum Exclusion {
    /** Switched off in the directory. */
    INACTIVE,
    /** Has no login (token subject) yet, so could not answer an invitation. */
    NO_ACCOUNT,
    /** Another specialty than the one requested. */
    SPECIALTY_MISMATCH,
    /** Invited to this case before (and answered, expired or is still pending). */
    ALREADY_INVITED,
    /** Works at the treating doctor's institution. */
    CONFLICT_OF_INTEREST,
    /** Practises in a country the plan, the patient's consent or the request's country rules do not allow. */
    COUNTRY_NOT_ALLOWED,
    /**
     * Practises in the patient's country of residence while the panel still needs specialists from outside it for
     * its country rule ("at least N outside"): this seat must go to one of them.
     */
    OUTSIDE_RESIDENCE_REQUIRED,
    /** Absent on a day between today and the case's due date. */
    ABSENT,
    /** No capacity left this month. */
    AT_CAPACITY
}
