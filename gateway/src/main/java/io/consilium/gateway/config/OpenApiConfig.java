package io.consilium.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The combined OpenAPI document ({@code /q/openapi}, {@code /api/v1/openapi.json}). */
@ConfigMapping(prefix = "consilium.gateway.openapi")
public interface OpenApiConfig {

    /**
     * How often every service's document is fetched again. The combined document is rebuilt only when one of them
     * changed (or a service came or went), so a poll that finds nothing new costs no merge.
     */
    @WithDefault("30s")
    Duration refresh();

    /**
     * How soon a service whose document the gateway does not have (never fetched, or not answering) is asked again.
     * A service still starting when the gateway starts would otherwise be missing from the console for a whole
     * {@link #refresh()} period.
     */
    @WithDefault("2s")
    Duration retry();

    /** The one server the combined document names: the gateway as clients reach it. */
    @WithDefault("/")
    String serverUrl();

    /** Longest wait for one service's document; a service that does not answer keeps its last good one. */
    @WithDefault("5s")
    Duration fetchTimeout();
}
