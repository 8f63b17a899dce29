package io.consilium.platform.consumer;

/**
 * A bean that applies consumed events, driven by {@link IncomingRecords} (and by {@link DeadLetterReplay} when
 * ops replay one). Its {@link #name()} is its inbox name: it files its dead letters and finds it again for a
 * replay, so it must stay stable across releases.
 * <p>
 * The consumer does not open transactions or check the inbox itself: {@link #apply} is called inside a
 * transaction that has just recorded the event's id in the inbox for this consumer, and only when that id was
 * new. A redelivered or replayed event that was applied before never reaches it; if {@code apply} throws, the
 * transaction rolls back with the inbox row, and the event is tried again.
 */
public interface EventConsumer {

    String name();

    /** The event types this consumer applies; others are acknowledged and skipped, leaving no inbox row. */
    boolean handles(String type);

    void apply(Delivery delivery);
}
