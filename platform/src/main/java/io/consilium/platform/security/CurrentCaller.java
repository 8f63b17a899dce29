package io.consilium.platform.security;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * The {@link Caller} of the current request, read from the validated bearer token. Request scoped, so singleton
 * resources can hold it and still see each request's own caller.
 */
@RequestScoped
public class CurrentCaller {

    public static final String TENANT_CLAIM = "tenant";
    /** The insurer's member id of a patient account: a read-only user attribute, like the tenant. */
    public static final String MEMBER_CLAIM = "memberId";
    /** The person's full name (Keycloak's profile scope); {@code preferred_username} when there is none. */
    public static final String NAME_CLAIM = "name";
    public static final String USERNAME_CLAIM = "preferred_username";
    /** The longest display name kept (the name columns are varchar(200)). */
    public static final int MAX_NAME = 200;

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private Caller caller;

    CurrentCaller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public Caller get() {
        if (caller == null) {
            caller = of(identity, token);
        }
        return caller;
    }

    /**
     * The caller of a request handled outside the REST layer (a Vert.x route, where no request-scoped bean is
     * active): the same reading of the same token as {@link #get()}.
     */
    public static Caller of(SecurityIdentity identity) {
        return of(identity, identity.getPrincipal() instanceof JsonWebToken jwt ? jwt : null);
    }

    private static Caller of(SecurityIdentity identity, JsonWebToken token) {
        String subject = token != null && token.getSubject() != null ? token.getSubject() : identity.getPrincipal().getName();
        return new Caller(subject, identity.getRoles(), claim(token, TENANT_CLAIM), claim(token, MEMBER_CLAIM),
                claim(token, NAME_CLAIM).or(() -> claim(token, USERNAME_CLAIM)).map(CurrentCaller::shortened));
    }

    /**
     * Keycloak lets a first and a last name be 255 characters each; the services keep names in 200 characters
     * (timeline, access log, reports), so a long one is cut here once rather than failing a step with a 500.
     */
    static String shortened(String name) {
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME - 1) + "…";
    }

    /**
     * A claim as text. For OIDC's principal the claim is read from its parsed claims: {@code getClaim} first looks
     * the name up among the standard claims with {@code Enum.valueOf}, which throws (and is caught) for every custom
     * claim such as {@code tenant}: measurable on a hot path (issue 14's profile).
     */
    public static Optional<String> claim(JsonWebToken token, String name) {
        Object value = token instanceof OidcJwtCallerPrincipal oidc ? oidc.getClaims().getClaimValue(name)
                : token == null ? null : token.getClaim(name);
        return Optional.ofNullable(value).map(Object::toString).filter(v -> !v.isBlank());
    }
}
