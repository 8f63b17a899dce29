package io.consilium.notification.service;

import io.agroal.api.AgroalDataSource;
import io.consilium.notification.config.WebhookSettings;
import io.consilium.notification.domain.WebhookAttempt;
import io.consilium.notification.security.EndpointAddresses;
import io.consilium.notification.webhook.WebhookClient;
import io.consilium.notification.webhook.WebhookResponse;
import io.consilium.notification.webhook.WebhookSigner;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends webhook deliveries: due rows are claimed from the database (a lease on {@code next_attempt_at}, taken with
 * {@code for update skip locked}, so a crash between sending and recording only means the same {@code webhook-id}
 * is sent again once the lease ends), then each goes into its endpoint's own lane. A lane has at most
 * {@code max-in-flight-per-endpoint} requests out, and requests are asynchronous with connect and read timeouts,
 * so a hanging endpoint fills only its own lane and never delays another endpoint's deliveries.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    /**
     * A lane holds at most this many deliveries per request it may have out (queued and in flight): with 4 out and a
     * 10 s read timeout a queued delivery waits at most 4 timeouts, well inside the claim's lease, so no other
     * instance claims it again while it waits here.
     */
    private static final int QUEUED_PER_IN_FLIGHT = 4;
    /** Outcomes recorded per transaction. */
    private static final int RECORD_BATCH = 200;
    private static final String CLAIM = """
            with due as (
                select id from delivery
                where channel = 'WEBHOOK' and status in ('PENDING', 'RETRYING') and next_attempt_at <= ?
                  and not (recipient = any(?))
                order by next_attempt_at limit ? for update skip locked),
            claimed as (
                update delivery d set next_attempt_at = ? from due where d.id = due.id
                returning d.id, d.recipient, d.payload)
            select c.id, c.payload, e.id, e.url, e.secret, e.previous_secret, e.previous_secret_until
            from claimed c join webhook_endpoint e on e.id = cast(c.recipient as uuid)""";

    private final AgroalDataSource dataSource;
    private final DeliveryOutcomes outcomes;
    private final WebhookSettings settings;
    private final Clock clock;
    private final EndpointAddresses addresses;
    private final ExecutorService work;
    private final ExecutorService http;
    private final WebhookClient client;
    private final Map<UUID, Lane> lanes = new ConcurrentHashMap<>();
    private final Set<UUID> out = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean roundQueued = new AtomicBoolean();
    private final Queue<Answered> answered = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean recorderQueued = new AtomicBoolean();
    private final Duration lease;

    WebhookDispatcher(AgroalDataSource dataSource, DeliveryOutcomes outcomes, WebhookSettings settings, Clock clock,
                      MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.outcomes = outcomes;
        this.settings = settings;
        this.clock = clock;
        this.addresses = new EndpointAddresses(settings.allowLoopback(), EndpointAddresses.DNS);
        this.work = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> daemon(r, "webhook-work"));
        this.http = Executors.newFixedThreadPool(4, r -> daemon(r, "webhook-http"));
        this.client = new WebhookClient(settings.connectTimeout(), settings.readTimeout(),
                WebhookAttempt.RESPONSE_HEAD_BYTES, http);
        // long enough for the attempt to come back (connect + read) and be recorded; then another instance may retry
        this.lease = settings.connectTimeout().plus(settings.readTimeout()).plusSeconds(60);
        Gauge.builder("consilium_webhook_in_flight", inFlight, AtomicInteger::get).register(metrics);
        Gauge.builder("consilium_webhook_queued", this, d -> d.out.size()).register(metrics);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    void start(@Observes StartupEvent ignored) {
        wake();
    }

    void stop(@Observes ShutdownEvent ignored) {
        work.shutdownNow();
        http.shutdownNow();
    }

    /** New webhook deliveries committed: send them now rather than at the next poll. */
    void created(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesCreated ignored) {
        wake();
    }

    @Scheduled(every = "${consilium.webhooks.poll-every:1s}", identity = "webhook-poll",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    /** Runs a claim round soon (rounds coalesce: many wakes while one is queued make one round). */
    public void wake() {
        if (roundQueued.compareAndSet(false, true)) {
            try {
                work.execute(() -> {
                    roundQueued.set(false);
                    round();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                roundQueued.set(false);
            }
        }
    }

    /** For tests with a moved clock: one claim round now, on the caller's thread. */
    public int pollNow() {
        return round();
    }

    /** Whether deliveries are queued or out (tests wait for this to drain). */
    public boolean idle() {
        return out.isEmpty();
    }

    private int round() {
        int room = Math.min(settings.batchSize(), settings.maxInFlight() * 4 - out.size());
        if (room <= 0) {
            return 0;
        }
        List<WebhookClaim> claims;
        try {
            claims = claim(room);
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Claiming due webhook deliveries failed: %s", e.getMessage());
            return 0;
        }
        int cap = settings.maxInFlightPerEndpoint() * QUEUED_PER_IN_FLIGHT;
        List<UUID> excess = new ArrayList<>();
        for (WebhookClaim claim : claims) {
            Lane lane = lanes.computeIfAbsent(claim.endpointId(), id -> new Lane());
            if (lane.held() >= cap) {
                // one round may claim more of an endpoint than its lane holds: those go back, due at once
                excess.add(claim.deliveryId());
            } else if (out.add(claim.deliveryId())) {
                lane.queue.add(claim);
            }
        }
        release(excess);
        lanes.values().forEach(this::drain);
        if (claims.size() == room) {
            wake();
        }
        return claims.size();
    }

    private void release(List<UUID> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "update delivery set next_attempt_at = ? where id = any(?) and status in ('PENDING', 'RETRYING')")) {
            s.setTimestamp(1, Timestamp.from(clock.instant()));
            s.setArray(2, c.createArrayOf("uuid", deliveryIds.toArray()));
            s.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            // the lease gives them back later: nothing is lost, they are only late
            LOG.warnf("Releasing %d claimed webhook deliveries failed: %s", deliveryIds.size(), e.getMessage());
        }
    }

    private List<WebhookClaim> claim(int limit) throws SQLException {
        Instant now = clock.instant();
        List<WebhookClaim> claims = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CLAIM)) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setArray(2, c.createArrayOf("text", saturatedLanes()));
            s.setInt(3, limit);
            s.setTimestamp(4, Timestamp.from(now.plus(lease)));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Timestamp until = r.getTimestamp(7);
                    claims.add(new WebhookClaim(r.getObject(1, UUID.class), r.getObject(3, UUID.class), r.getString(4),
                            r.getString(2), r.getString(5), r.getString(6), until == null ? null : until.toInstant()));
                }
            }
        }
        return claims;
    }

    /**
     * Endpoints whose lane holds as many deliveries as it may: their due rows stay in the database for later rounds
     * (or another instance) instead of filling this sender's memory. Without it a hanging endpoint's backlog took
     * all the room a round has, and every other endpoint waited behind it.
     */
    private String[] saturatedLanes() {
        int cap = settings.maxInFlightPerEndpoint() * QUEUED_PER_IN_FLIGHT;
        return lanes.entrySet().stream().filter(e -> e.getValue().held() >= cap)
                .map(e -> e.getKey().toString()).toArray(String[]::new);
    }

    private void drain(Lane lane) {
        while (true) {
            if (inFlight.get() >= settings.maxInFlight()) {
                return;
            }
            WebhookClaim next;
            synchronized (lane) {
                if (lane.inFlight >= settings.maxInFlightPerEndpoint() || (next = lane.queue.poll()) == null) {
                    return;
                }
                lane.inFlight++;
            }
            inFlight.incrementAndGet();
            send(lane, next);
        }
    }

    private void send(Lane lane, WebhookClaim claim) {
        Instant attemptedAt = clock.instant();
        Optional<String> refusal = addresses.refusal(claim.url());
        var answer = refusal.isPresent()
                ? java.util.concurrent.CompletableFuture.completedFuture(
                new WebhookResponse(null, null, 0, "address refused: " + refusal.get()))
                : client.post(claim.url(), headers(claim, attemptedAt), claim.payload());
        answer.thenAccept(response -> {
            answered.add(new Answered(lane, new DeliveryOutcomes.Attempted(claim, attemptedAt, response)));
            recordSoon();
        });
    }

    /** Records the answers that came back, many per transaction; one recorder at a time (they coalesce like rounds). */
    private void recordSoon() {
        if (recorderQueued.compareAndSet(false, true)) {
            try {
                work.execute(this::recordAnswered);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                recorderQueued.set(false);
            }
        }
    }

    /** Runs on one thread at a time (two recorders would each hold the same endpoints' locks and wait on the other). */
    private void recordAnswered() {
        try {
            List<Answered> batch;
            while (!(batch = nextBatch()).isEmpty()) {
                record(batch);
            }
        } finally {
            recorderQueued.set(false);
        }
        if (!answered.isEmpty()) {
            recordSoon();
        }
    }

    private List<Answered> nextBatch() {
        List<Answered> batch = new ArrayList<>(RECORD_BATCH);
        Answered next;
        while (batch.size() < RECORD_BATCH && (next = answered.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }

    private void record(List<Answered> batch) {
        try {
            outcomes.recordAll(batch.stream().map(Answered::attempt).toList());
        } catch (RuntimeException e) {
            // one bad row must not cost the others their record: each on its own, then only that one is lost
            LOG.warnf("Recording %d webhook attempts failed (%s); recording them one by one", batch.size(), e.getMessage());
            for (Answered a : batch) {
                try {
                    outcomes.recordAll(List.of(a.attempt()));
                } catch (RuntimeException single) {
                    // the lease lets the delivery be claimed again later, with the same webhook-id
                    LOG.warnf("Recording the attempt at delivery %s failed: %s", a.attempt().claim().deliveryId(),
                            single.getMessage());
                }
            }
        } finally {
            batch.forEach(a -> finished(a.lane(), a.attempt().claim()));
        }
    }

    private record Answered(Lane lane, DeliveryOutcomes.Attempted attempt) {
    }

    private void finished(Lane lane, WebhookClaim claim) {
        out.remove(claim.deliveryId());
        synchronized (lane) {
            lane.inFlight--;
        }
        inFlight.decrementAndGet();
        drain(lane);
        if (inFlight.get() < settings.maxInFlight()) {
            lanes.values().forEach(this::drain);
        }
    }

    private static Map<String, String> headers(WebhookClaim claim, Instant at) {
        long timestamp = at.getEpochSecond();
        String id = claim.deliveryId().toString();
        return Map.of("webhook-id", id, "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", WebhookSigner.header(claim.secrets(at), id, timestamp, claim.payload()));
    }

    /** One endpoint's queue and its requests in flight. */
    private static final class Lane {
        final Queue<WebhookClaim> queue = new ConcurrentLinkedQueue<>();
        int inFlight;

        synchronized int held() {
            return queue.size() + inFlight;
        }
    }
}
