package io.consilium.platform.consumer;

import io.consilium.platform.cloudevents.IncomingEvent;
import io.consilium.platform.cloudevents.InvalidEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * The one way consumers handle a Kafka record: records that are not CloudEvents about a case (no UUID subject),
 * and types the consumer does not handle, are acknowledged and skipped, never fatal. The consumer gets three
 * attempts, each a transaction of its own that records the event in the consumer's inbox and applies it only the
 * first time ({@link FirstDeliveries}), so a redelivery changes nothing; an {@link InvalidEvent} is not retried.
 * Then the event is filed as a dead letter in the service's database, for ops to see and replay, and the record is
 * acknowledged so the partition moves on. A failure of the database itself ({@link TransientFailures}: restarting,
 * connection lost, pool exhausted, deadlock) uses no attempt: the consumer waits on the record until the database
 * answers again, however long, and then applies or files it. Only a record still unsettled when the application
 * stops is nacked, and the channel's dead-letter strategy sends it to {@code <topic>.dlq}: an event is never dropped.
 */
@ApplicationScoped
public class IncomingRecords {

    private static final Logger LOG = Logger.getLogger(IncomingRecords.class);
    static final int ATTEMPTS = 3;
    static final long BACKOFF_MILLIS = 200;
    static final long MAX_WAIT_MILLIS = 5000;

    private final DeadLetters deadLetters;
    private final FirstDeliveries firstDeliveries;

    IncomingRecords(DeadLetters deadLetters, FirstDeliveries firstDeliveries) {
        this.deadLetters = deadLetters;
        this.firstDeliveries = firstDeliveries;
    }

    public CompletionStage<Void> handle(EventConsumer consumer, Message<String> message) {
        IncomingEvent event = IncomingEvent.of(message).filter(IncomingRecords::hasCaseSubject).orElse(null);
        if (event == null) {
            LOG.debug("Skipping a record that is not a CloudEvent about a case");
            return message.ack();
        }
        if (!consumer.handles(event.type())) {
            return message.ack();
        }
        RuntimeException failure = null;
        int attempt = 1;
        int waits = 0;
        while (attempt <= ATTEMPTS) {
            try {
                QuarkusTransaction.requiringNew().run(() -> firstDeliveries.apply(consumer, event, message.getPayload()));
                if (waits > 0) {
                    LOG.infof("Event %s (%s) applied by %s after waiting for the database (%d tries)", event.id(),
                            event.type(), consumer.name(), waits);
                }
                return message.ack();
            } catch (InvalidEvent e) {
                LOG.warnf("Event %s (%s) breaks the contract: %s", event.id(), event.type(), e.getMessage());
                return deadLetter(consumer, message, event, e, 1, true);
            } catch (RuntimeException e) {
                failure = e;
                if (TransientFailures.isTransient(e)) {
                    // the database is away, not the event at fault: wait for it on this record, keeping the
                    // partition's order, without using an attempt
                    if (waits++ % 10 == 0) {
                        LOG.warnf("Event %s (%s) waits for the database (%s: %s), try %d", event.id(), event.type(),
                                consumer.name(), e.getMessage(), waits);
                    }
                    if (!pause(waitMillis(waits))) {
                        break;
                    }
                    continue;
                }
                LOG.warnf("Event %s (%s) could not be applied by %s, attempt %d of %d: %s", event.id(), event.type(),
                        consumer.name(), attempt, ATTEMPTS, e.getMessage());
                if (attempt < ATTEMPTS && !pause(BACKOFF_MILLIS * attempt)) {
                    break;
                }
                attempt++;
            }
        }
        return deadLetter(consumer, message, event, failure, Math.min(attempt, ATTEMPTS), false);
    }

    /**
     * Files the dead letter and acknowledges the record. Filing waits for the database as applying does; only when
     * the application stops meanwhile (or filing fails for another reason) is the record nacked, and the channel's
     * dead-letter strategy sends it to {@code <topic>.dlq}.
     */
    private CompletionStage<Void> deadLetter(EventConsumer consumer, Message<String> message, IncomingEvent event,
                                             RuntimeException cause, int attempts, boolean contractBroken) {
        for (int waits = 1; ; waits++) {
            try {
                deadLetters.file(consumer.name(), event, message.getPayload(), RecordOrigin.of(message), cause, attempts,
                        contractBroken);
                return message.ack();
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e) || !pause(waitMillis(waits))) {
                    LOG.errorf(e, "Event %s (%s) could not be filed as a dead letter; nacking it to the dead-letter topic",
                            event.id(), event.type());
                    return message.nack(cause);
                }
            }
        }
    }

    /** 200 ms, doubling, at most 5 s between tries while the database is away. */
    static long waitMillis(int waits) {
        return Math.min(MAX_WAIT_MILLIS, BACKOFF_MILLIS << Math.min(Math.max(waits - 1, 0), 5));
    }

    /** Waits; false when interrupted (the application is stopping). */
    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean hasCaseSubject(IncomingEvent event) {
        if (event.subject() == null) {
            return false;
        }
        try {
            UUID.fromString(event.subject());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
