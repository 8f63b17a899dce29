package io.consilium.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The aggregates (combined views of several services). */
@ConfigMapping(prefix = "consilium.gateway.aggregates")
public interface AggregateConfig {

    /**
     * How long the parts of an aggregate are waited for, all together (they are fetched in parallel): a part not in
     * by then is named in {@code missing} and the answer is partial, rather than late.
     */
    @WithDefault("2s")
    Duration timeout();
}
