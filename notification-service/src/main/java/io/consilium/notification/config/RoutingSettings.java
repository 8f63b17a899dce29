package io.consilium.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;
import java.util.Set;

/**
 * {@code consilium.notify.*}: the routing table ({@code routes."<event type>"=recipient:channel,...}, see the
 * README) and the channels this instance sends on; routes to other channels are recorded as HELD rows.
 */
@ConfigMapping(prefix = "consilium.notify")
public interface RoutingSettings {

    Map<String, String> routes();

    /** Channels with a sender; deliveries on the others are kept (HELD) but not sent. */
    @WithDefault("WEBHOOK")
    Set<String> sendingChannels();
}
