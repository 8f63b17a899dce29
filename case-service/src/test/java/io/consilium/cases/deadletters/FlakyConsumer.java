package io.consilium.cases.deadletters;

import io.consilium.platform.consumer.Delivery;
import io.consilium.platform.consumer.EventConsumer;
import io.consilium.platform.consumer.IncomingRecords;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A consumer of the real case topic whose downstream can be made to fail for chosen cases, standing in for an
 * outage (a database, a peer service) that ops wait out and then replay. Counts what it applied: platform's inbox
 * check hands it each event once.
 */
@ApplicationScoped
public class FlakyConsumer implements EventConsumer {

    static final String NAME = "test-flaky";
    static final String TYPE = "consilium.test.flaky.v1";

    private final IncomingRecords records;
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> databaseAway = new ConcurrentHashMap<>();
    private final Map<String, Integer> applied = new ConcurrentHashMap<>();

    FlakyConsumer(IncomingRecords records) {
        this.records = records;
    }

    @Incoming("test-flaky")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        return records.handle(this, message);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean handles(String type) {
        return TYPE.equals(type);
    }

    @Override
    public void apply(Delivery delivery) {
        String subject = delivery.event().subject();
        if (databaseAway.computeIfPresent(subject, (s, n) -> n > 0 ? n - 1 : null) != null) {
            // what the driver says while PostgreSQL restarts, wrapped as Hibernate does
            throw new IllegalStateException("JDBC exception executing SQL",
                    new java.sql.SQLException("An I/O error occurred while sending to the backend.", "08006"));
        }
        if (failing.contains(subject)) {
            throw new IllegalStateException("downstream unavailable for " + subject);
        }
        applied.merge(subject, 1, Integer::sum);
    }

    void failFor(UUID caseId) {
        failing.add(caseId.toString());
    }

    /** The next {@code tries} applications for the case meet a database that is away. */
    void databaseAwayFor(UUID caseId, int tries) {
        databaseAway.put(caseId.toString(), tries);
    }

    void heal(UUID caseId) {
        failing.remove(caseId.toString());
    }

    int appliedFor(UUID caseId) {
        return applied.getOrDefault(caseId.toString(), 0);
    }
}
