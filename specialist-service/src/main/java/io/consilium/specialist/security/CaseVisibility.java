package io.consilium.specialist.security;

/** How much of a case a specialist may see. */
public enum CaseVisibility {
    /** Not even that it exists: answered as 404. */
    NONE,
    /** The de-identified summary an invited specialist decides on. */
    SUMMARY,
    /** The whole case: accepted, and the patient's consent covers this specialist. */
    FULL
}
