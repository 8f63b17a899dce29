package io.consilium.notification.support;

import io.consilium.platform.testing.Broker;
import io.quarkus.arc.Arc;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/**
 * This service reads every topic from the earliest offset, so on the shared test broker it first works through
 * what the modules tested before it published (thousands of case events, each routed to people and channels), and
 * its e-mail dispatcher sends or gives up on those deliveries oldest first. Tests that wait 30 s for one event's
 * message start once the consumer group has caught up and the dispatcher has finished no e-mail for 3 s.
 */
public final class Backlog {

    static final String GROUP = "notification-service-inputs-test";
    private static final String FINISHED_EMAIL =
            "select count(*) from delivery where channel = 'EMAIL' and status in ('DELIVERED', 'DEAD')";
    private static volatile boolean worked;

    private Backlog() {
    }

    public static void worked() {
        if (worked) {
            return;
        }
        Broker.awaitCaughtUpOnce(GROUP, Duration.ofMinutes(4));
        Db db = Arc.container().instance(Db.class).get();
        AtomicLong last = new AtomicLong(-1);
        AtomicReference<Instant> stableSince = new AtomicReference<>(Instant.now());
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() -> {
            long finished = db.count(FINISHED_EMAIL);
            if (finished != last.getAndSet(finished)) {
                stableSince.set(Instant.now());
                return false;
            }
            return Duration.between(stableSince.get(), Instant.now()).toSeconds() >= 3;
        });
        worked = true;
    }
}
