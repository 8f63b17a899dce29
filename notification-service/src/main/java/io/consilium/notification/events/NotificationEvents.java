package io.consilium.notification.events;

/** The topic and types notification-service publishes (docs/events.md). */
public final class NotificationEvents {

    public static final String TOPIC = "consilium.notification.events";
    public static final String DELIVERED = "consilium.notification.delivered.v1";
    public static final String FAILED = "consilium.notification.failed.v1";
    /** About an endpoint, not a case: consumers of this topic that keep case timelines skip it. */
    public static final String ENDPOINT_DISABLED = "consilium.notification.endpoint-disabled.v1";
    /** The type of a test delivery a partner asks for; it is about no case and published nowhere but to the endpoint. */
    public static final String PING = "consilium.webhook.ping.v1";

    private NotificationEvents() {
    }
}
