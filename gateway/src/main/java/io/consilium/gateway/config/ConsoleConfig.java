package io.consilium.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;

/**
 * The console pages the gateway serves under {@code /console/} (Swagger UI over the combined document, the ops
 * dashboard) and the Keycloak realm their users log in to.
 */
@ConfigMapping(prefix = "consilium.gateway.console")
public interface ConsoleConfig {

    /**
     * The realm as browsers reach it (its issuer), e.g. {@code https://login.consilium.example/realms/consilium}.
     * Its origin is the only other one the pages' Content-Security-Policy lets them talk to.
     */
    @WithDefault("${quarkus.oidc.auth-server-url}")
    String authServerUrl();

    /** The realm's public client of the console (authorization code with PKCE, no secret). */
    @WithDefault("consilium-console")
    String clientId();

    /** {@code scheme://host[:port]} of {@link #authServerUrl()}. */
    default String authOrigin() {
        URI uri = URI.create(authServerUrl());
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
