package io.consilium.platform.security;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;

/**
 * The first of all augmentors: keeps the identity OIDC just verified in {@link TokenCache}, as OIDC built it (before
 * the other augmentors add to it), until the token's {@code exp}. Only a JWT bearer token whose raw text is the
 * request's credential is kept; an identity that came from the cache is left alone.
 */
@ApplicationScoped
@Unremovable
public class VerifiedTokenKeeper implements SecurityIdentityAugmentor {

    private final TokenCache cache;

    VerifiedTokenKeeper(TokenCache cache) {
        this.cache = cache;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (cache.enabled() && !identity.isAnonymous() && identity.getAttribute(TokenCache.FROM_CACHE) == null
                && identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
            TokenCredential credential = identity.getCredential(TokenCredential.class);
            if (credential != null && credential.getToken() != null && credential.getToken().equals(jwt.getRawToken())) {
                cache.keep(credential.getToken(), identity, Instant.ofEpochSecond(jwt.getExpirationTime()));
            }
        }
        return Uni.createFrom().item(identity);
    }
}
