package io.consilium.notification.service;

import io.agroal.api.AgroalDataSource;
import io.consilium.notification.config.WebhookSettings;
import io.consilium.notification.domain.Channel;
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
import io.vertx.core.Vertx;
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
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    /**
     * Claims due deliveries endpoint by endpoint, each up to the room its lane has (parameters: the lanes' endpoint ids
     * and how many each holds, the lane cap, now, the round's limit, the lease's end). Claiming a backlog's oldest rows
     * in one go and giving back those a full lane could not take was most of the database's work once an endpoint had
     * fallen behind. Endpoints come in random order so that a round's limit favours none.
     */
    private static final String CLAIM = """
            with lanes(endpoint, held) as (select * from unnest(cast(? as uuid[]), cast(? as int[]))),
            room as (
                select e.id, greatest(0, ? - coalesce(l.held, 0)) as room
                from webhook_endpoint e left join lanes l on l.endpoint = e.id
                where e.enabled
                order by random()),
            due as (
                select d.id from room r cross join lateral (
                    select id from delivery
                    where channel = 'WEBHOOK' and status in ('PENDING', 'RETRYING') and recipient = cast(r.id as text)
                      and next_attempt_at <= ?
                    order by next_attempt_at limit r.room for update skip locked) d
                limit ?),
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
    /** Each records the answers of its share of the endpoints (by the endpoint's id). */
    private final AnswerRecorder[] recorders;
    private final ExecutorService http;
    private final WebhookClient client;
    private final Map<UUID, Lane> lanes = new ConcurrentHashMap<>();
    private final Set<UUID> out = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    // one round at a time: two at once would each count the same room in the lanes
    private final Rounds rounds;
    private final Duration lease;

    WebhookDispatcher(AgroalDataSource dataSource, DeliveryOutcomes outcomes, WebhookSettings settings, Clock clock,
                      MeterRegistry metrics, Vertx vertx) {
        this.dataSource = dataSource;
        this.outcomes = outcomes;
        this.settings = settings;
        this.clock = clock;
        this.addresses = new EndpointAddresses(settings.allowLoopback(), EndpointAddresses.DNS);
        this.rounds = new Rounds("webhook-rounds", settings.roundGap(), this::fullRound);
        this.recorders = new AnswerRecorder[]{new AnswerRecorder("webhook-recorder-0", outcomes, this::recorded),
                new AnswerRecorder("webhook-recorder-1", outcomes, this::recorded)};
        this.http = Executors.newFixedThreadPool(4, r -> daemon(r, "webhook-http"));
        this.client = new WebhookClient(vertx, settings.connectTimeout(), settings.readTimeout(),
                WebhookAttempt.RESPONSE_HEAD_BYTES, settings.maxInFlight(), http);
        this.lease = settings.lease();
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
        rounds.stop();
        client.close();
        for (AnswerRecorder recorder : recorders) {
            recorder.stop();
        }
        http.shutdownNow();
    }

    /** New webhook deliveries committed: send them now rather than at the next poll. */
    void created(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesCreated created) {
        if (!created.webhookClaims().isEmpty()) {
            take(created.webhookClaims());
        } else if (created.includes(Channel.WEBHOOK)) {
            wake();
        }
    }

    /**
     * New deliveries, created leased to this sender: into their lanes without a claim (a claim's update of every row
     * was most of the database's work). Those a full lane cannot hold are made due again for a later round.
     */
    private void take(List<WebhookClaim> fresh) {
        int cap = laneCap();
        List<UUID> back = new ArrayList<>();
        for (WebhookClaim claim : fresh) {
            Lane lane = lanes.computeIfAbsent(claim.endpointId(), id -> new Lane());
            if (lane.held() >= cap || out.size() >= maxHeld()) {
                back.add(claim.deliveryId());
            } else if (out.add(claim.deliveryId())) {
                lane.queue.add(claim);
            }
        }
        if (!back.isEmpty()) {
            // not on this thread: it is the committing one, finishing its transaction
            recorders[0].execute(() -> release(back));
        }
        lanes.values().forEach(this::drain);
    }

    @Scheduled(every = "${consilium.webhooks.poll-every:1s}", identity = "webhook-poll",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    /** Runs a claim round soon (rounds coalesce: many wakes while one is queued make one round). */
    public void wake() {
        rounds.wake();
    }

    /** For tests with a moved clock: one claim round now, on the caller's thread. */
    public int pollNow() {
        return round(room());
    }

    /** Whether deliveries are queued or out (tests wait for this to drain). */
    public boolean idle() {
        return out.isEmpty();
    }

    /** One round; true when it claimed all the room it had, so more may be due at once. */
    private boolean fullRound() {
        int room = room();
        return room > 0 && round(room) == room;
    }

    /** A round claims at most a batch, and never more than the sender may hold in memory (queued, out, unrecorded). */
    private int room() {
        return Math.min(settings.batchSize(), maxHeld() - out.size());
    }

    /**
     * Deliveries this sender holds in memory at most: queued, out, or answered and not yet recorded (a few KiB each:
     * the payload and the answer's head). The lanes bound what is queued and out; this bounds, above all, the answers
     * waiting for the recorder, which falls behind for a moment when the database does.
     */
    private int maxHeld() {
        return settings.maxInFlight() * 16;
    }

    private int round(int room) {
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
        int cap = laneCap();
        List<UUID> excess = new ArrayList<>();
        for (WebhookClaim claim : claims) {
            Lane lane = lanes.computeIfAbsent(claim.endpointId(), id -> new Lane());
            if (lane.held() >= cap) {
                // a claim racing a test's pollNow() may take more than a lane holds: those go back, due at once
                excess.add(claim.deliveryId());
            } else if (out.add(claim.deliveryId())) {
                lane.queue.add(claim);
            }
        }
        release(excess);
        lanes.values().forEach(this::drain);
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
        List<UUID> endpoints = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        lanes.forEach((endpoint, lane) -> {
            endpoints.add(endpoint);
            held.add(lane.held());
        });
        List<WebhookClaim> claims = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CLAIM)) {
            s.setArray(1, c.createArrayOf("uuid", endpoints.toArray()));
            s.setArray(2, c.createArrayOf("int4", held.toArray()));
            s.setInt(3, laneCap());
            s.setTimestamp(4, Timestamp.from(now));
            s.setInt(5, limit);
            s.setTimestamp(6, Timestamp.from(now.plus(lease)));
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
     * The most a lane holds (queued and in flight): a hanging endpoint's backlog beyond it stays in the database for
     * later rounds (or another instance) instead of filling this sender's memory or taking the room of a round.
     */
    private int laneCap() {
        return settings.maxInFlightPerEndpoint() * QUEUED_PER_IN_FLIGHT;
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
        EndpointAddresses.Verdict verdict = addresses.check(claim.url());
        var answer = verdict.refused()
                ? java.util.concurrent.CompletableFuture.completedFuture(
                new WebhookResponse(null, null, 0, "address refused: " + verdict.refusal()))
                : client.post(claim.url(), verdict.address(), headers(claim, attemptedAt), claim.payload());
        answer.thenAccept(response -> {
            recorderOf(claim).add(new DeliveryOutcomes.Attempted(claim, attemptedAt, response));
            // the request is over: its slot goes to the lane's next delivery now, not once the answer is recorded
            // (holding it through the recorder's transaction capped every endpoint at 4 per commit, about 400/s)
            answeredBack(lane);
        });
    }

    private void answeredBack(Lane lane) {
        synchronized (lane) {
            lane.inFlight--;
        }
        inFlight.decrementAndGet();
        drain(lane);
        if (inFlight.get() < settings.maxInFlight()) {
            lanes.values().forEach(this::drain);
        }
    }

    private AnswerRecorder recorderOf(WebhookClaim claim) {
        return recorders[Math.floorMod(claim.endpointId().hashCode(), recorders.length)];
    }

    /** Recorded answers leave memory and make room for the next claim round, which waits for room when it is full. */
    private void recorded(List<DeliveryOutcomes.Attempted> batch) {
        batch.forEach(a -> out.remove(a.claim().deliveryId()));
        wake();
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
