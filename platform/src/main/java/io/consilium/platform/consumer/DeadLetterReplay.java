package io.consilium.platform.consumer;

import io.consilium.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Ops' way out for a dead letter: replay it through its consumer once the cause is fixed, or discard it with a
 * reason. A replay applies the event and marks the entry REPLAYED in one transaction, with the entry locked, so
 * two ops replaying at once cannot apply it twice (and the consumer's inbox would skip it anyway).
 */
@ApplicationScoped
public class DeadLetterReplay {

    private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);

    private final DeadLetters deadLetters;
    private final Instance<EventConsumer> consumers;
    private final FirstDeliveries firstDeliveries;

    DeadLetterReplay(DeadLetters deadLetters, Instance<EventConsumer> consumers, FirstDeliveries firstDeliveries) {
        this.deadLetters = deadLetters;
        this.consumers = consumers;
        this.firstDeliveries = firstDeliveries;
    }

    public DeadLetter replay(UUID id, String by) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                DeadLetters.Stored stored = open(id, "replayed");
                firstDeliveries.apply(consumerNamed(stored.letter().consumer()), stored.event(), stored.payload());
                deadLetters.resolve(id, DeadLetter.Status.REPLAYED, by, "replayed");
            });
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warnf("Replay of dead letter %s failed: %s", id, e.getMessage());
            deadLetters.replayFailed(id, e);
            throw new ProblemException.Conflict("The event still cannot be applied: " + DeadLetters.describe(e)
                    + ". The dead letter stays open.");
        }
        LOG.infof("Dead letter %s replayed by %s", id, by);
        return deadLetters.find(id).orElseThrow();
    }

    public DeadLetter discard(UUID id, String by, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            open(id, "discarded");
            deadLetters.resolve(id, DeadLetter.Status.DISCARDED, by, reason);
        });
        LOG.infof("Dead letter %s discarded by %s", id, by);
        return deadLetters.find(id).orElseThrow();
    }

    private DeadLetters.Stored open(UUID id, String verb) {
        DeadLetters.Stored stored = deadLetters.lock(id)
                .orElseThrow(() -> new ProblemException.NotFound("Dead letter " + id));
        if (stored.letter().status() != DeadLetter.Status.OPEN) {
            throw new ProblemException.Conflict("Dead letter " + id + " is " + stored.letter().status()
                    + " and cannot be " + verb);
        }
        return stored;
    }

    private EventConsumer consumerNamed(String name) {
        return consumers.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new ProblemException.Conflict("No consumer named " + name
                        + " runs in this service any more; discard the dead letter instead"));
    }
}
