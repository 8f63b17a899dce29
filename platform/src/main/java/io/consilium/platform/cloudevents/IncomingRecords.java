package io.consilium.platform.cloudevents;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/**
 * The one way consumers handle a Kafka record: records that are not CloudEvents about a case (no UUID subject)
 * are acknowledged and skipped, never fatal; the handler's failure nacks the record after three attempts (at once
 * for an {@link InvalidEvent}), and the channel's dead-letter strategy sends to {@code <topic>.dlq}.
 */
public final class IncomingRecords {

    private static final Logger LOG = Logger.getLogger(IncomingRecords.class);
    /** Each attempt is a transaction of its own: a failed one leaves nothing behind for the next. */
    static final int ATTEMPTS = 3;
    static final long BACKOFF_MILLIS = 200;

    private IncomingRecords() {
    }

    /** @param handler receives the event's attributes and its raw JSON payload */
    public static CompletionStage<Void> handle(Message<String> message, BiConsumer<IncomingEvent, String> handler) {
        IncomingEvent event = IncomingEvent.of(message).filter(IncomingRecords::hasCaseSubject).orElse(null);
        if (event == null) {
            LOG.debug("Skipping a record that is not a CloudEvent about a case");
            return message.ack();
        }
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                handler.accept(event, message.getPayload());
                return message.ack();
            } catch (InvalidEvent e) {
                LOG.warnf("Event %s (%s) breaks the contract: %s", event.id(), event.type(), e.getMessage());
                return message.nack(e);
            } catch (RuntimeException e) {
                failure = e;
                LOG.warnf("Event %s (%s) could not be applied, attempt %d of %d: %s", event.id(), event.type(),
                        attempt, ATTEMPTS, e.getMessage());
                if (attempt < ATTEMPTS && !pause(attempt)) {
                    break;
                }
            }
        }
        return message.nack(failure);
    }

    /** Back-off between attempts; false when interrupted (the application is stopping). */
    private static boolean pause(int attempt) {
        try {
            Thread.sleep(BACKOFF_MILLIS * attempt);
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
