package io.consilium.notification.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which event notifies whom on which channel, kept as data (configuration {@code consilium.notify.routes.<type>},
 * each value a list of {@code recipient:channel}, e.g. {@code patient:email,partner:webhook}), so a route changes
 * without a code change. {@code recipient:channel:urgent} marks a route whose messages do not wait for quiet
 * hours. A malformed entry fails the start, not the first event.
 */
public final class RoutingTable {

    static final String URGENT = "urgent";

    private final Map<String, List<Route>> byType;

    private RoutingTable(Map<String, List<Route>> byType) {
        this.byType = byType;
    }

    public static RoutingTable parse(Map<String, String> config) {
        Map<String, List<Route>> routes = new LinkedHashMap<>();
        config.forEach((type, value) -> {
            String eventType = unquote(type);
            List<Route> list = new ArrayList<>();
            for (String entry : value.split(",")) {
                String e = entry.trim();
                if (e.isEmpty()) {
                    continue;
                }
                String[] parts = e.split(":");
                if (parts.length != 2 && (parts.length != 3 || !parts[2].trim().equals(URGENT))) {
                    throw new IllegalArgumentException("Route of " + eventType + " is not recipient:channel[:urgent]: " + e);
                }
                RecipientKind recipient = RecipientKind.valueOf(parts[0].trim().toUpperCase(Locale.ROOT));
                Channel channel = Channel.valueOf(parts[1].trim().toUpperCase(Locale.ROOT));
                if ((recipient == RecipientKind.PARTNER) != (channel == Channel.WEBHOOK)) {
                    // a partner is a system: it is told through its webhooks only, and webhooks go to partners only
                    throw new IllegalArgumentException("Route of " + eventType + ": partner goes with webhook only: " + e);
                }
                list.add(new Route(eventType, recipient, channel, parts.length == 3));
            }
            routes.put(eventType, List.copyOf(list));
        });
        return new RoutingTable(Collections.unmodifiableMap(routes));
    }

    private static String unquote(String key) {
        return key.startsWith("\"") && key.endsWith("\"") ? key.substring(1, key.length() - 1) : key;
    }

    public List<Route> routes(String eventType) {
        return byType.getOrDefault(eventType, List.of());
    }

    public boolean routed(String eventType) {
        return byType.containsKey(eventType);
    }

    /** The event types a partner may subscribe its webhook endpoints to: those routed to partners. */
    public Set<String> webhookTypes() {
        Set<String> types = new TreeSet<>();
        byType.forEach((type, routes) -> {
            if (routes.stream().anyMatch(r -> r.channel() == Channel.WEBHOOK)) {
                types.add(type);
            }
        });
        return types;
    }

    public Map<String, List<Route>> all() {
        return byType;
    }
}
