package io.consilium.cases.domain;

/** What a consent allows; each is given and revoked on its own. */
public enum ConsentPurpose {
    /** Share the records with specialists (optionally only named ones, or only in named countries). */
    RECORDS_TO_SPECIALISTS,
    /** Share the report with the partner insurer. */
    REPORT_TO_PARTNER,
    /** Share the report with the treating doctor. */
    REPORT_TO_TREATING_DOCTOR
}
