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
            Object tenant = token.getClaim(TENANT_CLAIM);
            caller = new Caller(subject, identity.getRoles(),
                    Optional.ofNullable(tenant).map(Object::toString).filter(t -> !t.isBlank()));
        }
        return caller;
    }
}
