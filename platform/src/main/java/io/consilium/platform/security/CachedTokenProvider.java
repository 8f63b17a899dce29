package io.consilium.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Asked before OIDC's identity provider (a higher priority): the identity that OIDC verified for the very same bearer
 * token, from {@link TokenCache}, or null, and OIDC verifies.
 * <p>
 * The identity is rebuilt for each request with that request's own Vert.x context: OIDC stores the routing context
 * of the request it verified in the identity, and one request's context handed to another would be a leak.
 */
@ApplicationScoped
@Unremovable
public class CachedTokenProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final TokenCache cache;

    CachedTokenProvider(TokenCache cache) {
        this.cache = cache;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        // before OIDC's provider, which has the default (SYSTEM_FIRST + 1): providers are asked highest first
        return IdentityProvider.SYSTEM_FIRST + 1000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!cache.enabled() || request.getToken() == null || request.getToken().getToken() == null) {
            return Uni.createFrom().nullItem();
        }
        var found = cache.find(request.getToken().getToken());
        if (found.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder(found.get())
                .addAttribute(TokenCache.FROM_CACHE, Boolean.TRUE)
                .addAttribute(RoutingContext.class.getName(), routing);
        if (routing != null) {
            identity.addAttribute(AuthenticationRequestContext.class.getName(),
                    routing.get(AuthenticationRequestContext.class.getName()));
        }
        return Uni.createFrom().item(identity.build());
    }
}
