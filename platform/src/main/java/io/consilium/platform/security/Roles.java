package io.consilium.platform.security;

/** The realm roles of {@code docs/security.md}, as constants for {@code @RolesAllowed}. */
public final class Roles {

    public static final String PATIENT = "patient";
    public static final String PARTNER = "partner";
    public static final String CASE_MANAGER = "case-manager";
    public static final String SPECIALIST = "specialist";
    public static final String OPS = "ops";

    private Roles() {
    }
}
