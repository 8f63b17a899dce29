package io.consilium.platform.security;

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

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private Caller caller;

    CurrentCaller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public Caller get() {
        if (caller == null) {
            String subject = token.getSubject() != null ? token.getSubject() : identity.getPrincipal().getName();
            caller = new Caller(subject, identity.getRoles(), claim(TENANT_CLAIM), claim(MEMBER_CLAIM));
        }
        return caller;
    }

    private Optional<String> claim(String name) {
        Object value = token.getClaim(name);
        return Optional.ofNullable(value).map(Object::toString).filter(v -> !v.isBlank());
    }
}
