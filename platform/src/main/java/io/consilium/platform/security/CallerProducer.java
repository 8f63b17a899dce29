package io.consilium.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/** Produces the {@link Caller} of the current request from the validated bearer token. */
public class CallerProducer {

    public static final String TENANT_CLAIM = "tenant";

    @Produces
    @RequestScoped
    Caller caller(SecurityIdentity identity, JsonWebToken token) {
        String subject = token.getSubject() != null ? token.getSubject() : identity.getPrincipal().getName();
        Object tenant = token.getClaim(TENANT_CLAIM);
        return new Caller(subject, identity.getRoles(),
                Optional.ofNullable(tenant).map(Object::toString).map(t -> t.replace("\"", "")).filter(t -> !t.isBlank()));
    }
}
