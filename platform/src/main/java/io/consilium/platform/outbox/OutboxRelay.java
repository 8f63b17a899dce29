package io.consilium.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.consilium.platform.cloudevents.CloudEventHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes outbox rows to Kafka, in id order, and marks them sent only after the broker acknowledged them.
 * <p>
 * Among all replicas of a service exactly one relay is active: the one holding a PostgreSQL advisory lock on its
 * dedicated connection. The others retry the lock every poll interval and take over when the holder's
 * connection dies. Broker outages are ridden out: the batch is retried after a back-off until it goes through,
 * so no committed event is lost; a partial batch is marked sent only up to its first unacknowledged row.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final String bootstrapServers;
    private final Counter published;
    private final Counter failures;
    private final Timer lag;
    private final AtomicBoolean running = new AtomicBoolean();
    /** Whether this instance holds the relay lock right now (the others stand by). */
    private volatile boolean active;
    private Thread thread;
    private KafkaProducer<String, String> producer;

    OutboxRelay(AgroalDataSource dataSource, OutboxConfig config, MeterRegistry registry,
                @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.dataSource = dataSource;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.published = registry.counter("consilium.outbox.published");
        this.failures = registry.counter("consilium.outbox.publish.failures");
        this.lag = Timer.builder("consilium.outbox.lag")
                .description("Time from the event's commit to the broker's acknowledgement")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled on this instance");
            return;
        }
        producer = OutboxProducerFactory.create(bootstrapServers, config.source().replace("/", "") + "-outbox", config);
        running.set(true);
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (!running.getAndSet(false)) {
            return;
        }
        thread.interrupt();
        thread.join(Duration.ofSeconds(10).toMillis());
        producer.close(Duration.ofSeconds(5));
    }

    /** Enabled and its thread running (publishing, or standing by for the lock). */
    public boolean alive() {
        return running.get() && thread != null && thread.isAlive();
    }

    public boolean enabled() {
        return config.relayEnabled();
    }

    public boolean active() {
        return active;
    }

    private void run() {
        long lockKey = lockKey();
        while (running.get()) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                OutboxStore store = new OutboxStore(connection);
                if (!store.tryBecomeActiveRelay(lockKey)) {
                    sleep(config.pollInterval());
                    continue;
                }
                try {
                    LOG.infof("Outbox relay active for %s", config.source());
                    active = true;
                    store.listen();
                    relayWhileActive(store);
                } finally {
                    active = false;
                    // The connection goes back to the pool: it must not keep the lock or the LISTEN with it.
                    store.release();
                }
            } catch (SQLException | RuntimeException e) {
                if (running.get()) {
                    LOG.warnf("Outbox relay paused: %s", e.getMessage());
                    sleep(config.retryBackoff());
                }
            }
        }
    }

    private void relayWhileActive(OutboxStore store) throws SQLException {
        while (running.get()) {
            List<OutboxRow> batch = store.unsent(config.batchSize());
            if (batch.isEmpty()) {
                store.awaitNotification(config.pollInterval().toMillis());
                continue;
            }
            List<Long> acknowledged = publish(batch);
            store.markSent(acknowledged);
            if (acknowledged.size() < batch.size()) {
                sleep(config.retryBackoff());
            }
        }
    }

    /**
     * Sends the batch and returns the ids acknowledged, in order, up to the first failure. No row is handed to the
     * producer after one it refused at once: a send that finds no metadata for its topic within max.block.ms fails
     * on the spot, and the rows after it, sent a moment later when the broker is back, would be published ahead
     * of it and then a second time when the batch is retried from the failed row (seen in a broker restart under
     * load). So the topics' metadata is fetched first, and the loop stops at the first refused send.
     */
    private List<Long> publish(List<OutboxRow> batch) {
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        try {
            batch.stream().map(OutboxRow::topic).distinct().forEach(producer::partitionsFor);
            for (OutboxRow row : batch) {
                Future<RecordMetadata> send = producer.send(toRecord(row));
                sends.add(send);
                if (refused(send)) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            // e.g. metadata not available within max.block.ms while the broker is down
            LOG.warnf("Outbox send refused by the producer: %s", e.getMessage());
            failures.increment();
        }
        List<Long> acknowledged = new ArrayList<>(sends.size());
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(config.deliveryTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.warnf("Outbox event %s not acknowledged: %s", batch.get(i).eventId(), e.getMessage());
                failures.increment();
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            OutboxRow row = batch.get(i);
            acknowledged.add(row.id());
            published.increment();
            lag.record(Duration.between(row.occurredAt(), OffsetDateTime.now()));
        }
        return acknowledged;
    }

    /** True when the producer failed the send before it was queued (it returns an already failed future). */
    private static boolean refused(Future<RecordMetadata> send) {
        if (!send.isDone()) {
            return false;
        }
        try {
            send.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static ProducerRecord<String, String> toRecord(OutboxRow row) {
        return new ProducerRecord<>(row.topic(), null, row.kafkaKey(), row.payload(),
                CloudEventHeaders.of(row.eventId(), row.type(), row.source(), row.subject(), row.tenant(),
                        row.occurredAt()));
    }

    private long lockKey() {
        // Stable per service: replicas of one service compete, different services sharing a server do not.
        long hash = 1125899906842597L;
        for (byte b : ("outbox-relay:" + config.source()).getBytes(StandardCharsets.UTF_8)) {
            hash = 31 * hash + b;
        }
        return hash;
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
