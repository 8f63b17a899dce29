package io.consilium.platform.consumer;

import io.consilium.platform.cloudevents.IncomingEvent;

/**
 * A bean that applies consumed events. Its {@link #name()} files its dead letters and finds it again when ops
 * replay one, so it must stay stable across releases (use the consumer's inbox name).
 * <p>
 * {@link #apply} must be transactional and idempotent through the inbox: it runs once per delivery attempt and
 * once per replay, and a redelivered or replayed event that was applied before must change nothing.
 */
public interface EventConsumer {

    String name();

    /** @param payload the record's raw JSON value */
    void apply(IncomingEvent event, String payload);
}
