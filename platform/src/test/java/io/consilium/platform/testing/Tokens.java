package io.consilium.platform.testing;

import io.smallrye.jwt.build.Jwt;

import java.util.Set;

/** Bearer tokens signed by Quarkus' OIDC test server, one per role of {@code docs/security.md}. */
public final class Tokens {

    private Tokens() {
    }

    /**
     * A patient's token; its {@code memberId} claim (a read-only account attribute in Keycloak) is the member id
     * the tests use for that patient: {@link #memberOf(String)}.
     */
    public static String patient(String subject, String tenant) {
        return patient(subject, tenant, memberOf(subject));
    }

    /** A patient's token naming the given member id (null: an account not linked to any member). */
    public static String patient(String subject, String tenant, String memberId) {
        var builder = builder(subject, tenant, "patient");
        if (memberId != null) {
            builder.claim("memberId", memberId);
        }
        return builder.sign();
    }

    /** The member id {@link #patient(String, String)} puts in a patient's token: derived from the subject. */
    public static String memberOf(String subject) {
        return "M-" + subject;
    }

    public static String partner(String tenant) {
        return token("service-account-partner-" + tenant, "partner", tenant);
    }

    public static String caseManager(String subject, String tenant) {
        return token(subject, "case-manager", tenant);
    }

    public static String specialist(String subject) {
        return token(subject, "specialist", null);
    }

    public static String ops(String subject) {
        return token(subject, "ops", null);
    }

    public static String token(String subject, String role, String tenant) {
        return withRoles(subject, tenant, role);
    }

    /** A token carrying several roles at once (a person who is, say, both ops and a case manager). */
    public static String withRoles(String subject, String tenant, String... roles) {
        return builder(subject, tenant, roles).sign();
    }

    /**
     * A token carrying the person's full name ({@code name} claim, Keycloak's profile scope), which audit
     * records, timelines and reports show; the other factories carry only {@code preferred_username} = subject.
     */
    public static String named(String subject, String tenant, String name, String... roles) {
        return builder(subject, tenant, roles).claim("name", name).sign();
    }

    /** A patient's token with a full name, naming the member {@link #memberOf(String)}. */
    public static String namedPatient(String subject, String tenant, String name) {
        return builder(subject, tenant, "patient").claim("memberId", memberOf(subject)).claim("name", name).sign();
    }

    private static io.smallrye.jwt.build.JwtClaimsBuilder builder(String subject, String tenant, String... roles) {
        var builder = Jwt.subject(subject)
                .preferredUserName(subject)
                .groups(Set.of(roles))
                .issuer("https://server.example.com")
                .audience("consilium-api");
        if (tenant != null) {
            builder.claim("tenant", tenant);
        }
        return builder;
    }
}
