package io.consilium.e2e.faults;

import io.consilium.e2e.Mailbox;
import io.consilium.e2e.PartnerReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault run (e2e/faults.sh): cases flow through every service at a steady rate while the Kafka broker, then
 * each service in turn, then PostgreSQL are killed and restarted; afterwards every outbox event is looked for in
 * every consumer's inbox, every webhook delivery at the partner's receiver, every e-mail at the mail server, and
 * every case in CLOSED. Prints the counts, and fails on anything lost, applied twice or stuck.
 * <p>
 * Runs only when {@code faults.cases} is set (faults.sh sets it): it kills parts of the suite, which no other
 * test may see. {@code faults.faults} (default one cycle, 8) faults are spread evenly over the time the cases take
 * to start at {@code faults.rate} per second; {@code faults.drain} is how long the cases may take to finish after
 * the last fault.
 */
@EnabledIfSystemProperty(named = "faults.cases", matches = "\\d+")
class FaultRunIT {

    private static final Pattern DELIVERY_ID = Pattern.compile("(?im)^Consilium-Delivery-Id:\\s*([0-9a-f-]{36})");

    @Test
    void nothingLostNothingAppliedTwiceNoCaseStuck() throws Exception {
        int cases = Integer.getInteger("faults.cases");
        int faultCount = Integer.getInteger("faults.faults", Faults.cycle().size());
        double rate = Double.parseDouble(System.getProperty("faults.rate", "0.5"));
        Duration drain = Duration.parse(System.getProperty("faults.drain", "PT4M"));
        String run = "faults-" + Instant.now().getEpochSecond();

        FaultScene scene = new FaultScene();
        scene.setUp(run, cases, rate);
        // two cases walked before any fault: every consumer's inbox then holds the types it applies
        for (int i = 0; i < 2; i++) {
            CaseFlow warmUp = new CaseFlow(scene, scene.patient(cases + i), run + "-warm-" + i);
            assertThat(warmUp.run(Instant.now().plus(Duration.ofMinutes(3))))
                    .as("warm-up case %s (last state %s)", warmUp.caseId(), warmUp.lastState()).isEqualTo(CaseFlow.Outcome.CLOSED);
        }

        Instant since = Instant.now();
        Map<String, Mailbox> mailboxes = new HashMap<>();
        List<String> addresses = new ArrayList<>();
        scene.doctors().forEach(p -> addresses.add(p.name() + "@example.org"));
        scene.patients().forEach(p -> addresses.add(p.name() + "@example.org"));
        scene.specialists().forEach(p -> addresses.add(p.name() + "@example.org"));
        for (String address : addresses) {
            mailboxes.put(address, Mailbox.of(address));
        }
        Faults faults = new Faults();
        List<CaseFlow> flows = new ArrayList<>();
        List<Future<CaseFlow.Outcome>> outcomes = new ArrayList<>();
        Duration starting = Duration.ofMillis((long) (cases / rate * 1000));
        try (PartnerReceiver receiver = PartnerReceiver.start(scene.partner()); AutoCloseable leave = scene::tearDown) {
            ExecutorService walkers = Executors.newFixedThreadPool(Math.min(cases, 256));
            ExecutorService injector = Executors.newSingleThreadExecutor();
            Future<?> injected = injector.submit(() -> {
                List<String> cycle = Faults.cycle();
                long gap = starting.toMillis() / (faultCount + 1);
                for (int i = 0; i < faultCount; i++) {
                    // on a fixed schedule, not a gap after each recovery: 200 recoveries of 20-40 s under load
                    // would otherwise push the faults an hour and more past the cases they are meant to hit
                    Instant due = since.plusMillis(gap * (i + 1));
                    Faults.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis()));
                    faults.inject(cycle.get(i % cycle.size()));
                }
                return null;
            });
            Instant deadline = since.plus(starting).plus(drain);
            for (int i = 0; i < cases; i++) {
                CaseFlow flow = new CaseFlow(scene, scene.patient(i), run + "-" + i);
                flows.add(flow);
                outcomes.add(walkers.submit(() -> flow.run(deadline.plus(Duration.ofMinutes(1)))));
                Faults.sleep((long) (1000 / rate));
            }
            injected.get(); // a fault that could not be done (a restart that failed) fails the run here
            injector.shutdown();
            walkers.shutdown();
            walkers.awaitTermination(drain.toMinutes() + 5, TimeUnit.MINUTES);

            int stuck = 0;
            for (int i = 0; i < flows.size(); i++) {
                if (outcomes.get(i).get() != CaseFlow.Outcome.CLOSED) {
                    stuck++;
                    System.out.printf("stuck: case %s in %s%n", flows.get(i).caseId(), flows.get(i).lastState());
                }
            }

            // the relays and consumers catch up after the last case closed: wait until nothing is unsent or unapplied
            Ledger ledger = new Ledger(since);
            Ledger.Counts counts = settled(new Ledger(since), receiver.endpointId(), Duration.ofMinutes(3));

            Map<String, Integer> receipts = new HashMap<>();
            receiver.deliveries().stream().filter(PartnerReceiver.Delivery::verified)
                    .forEach(d -> receipts.merge(d.webhookId(), 1, Integer::sum));
            long webhooksMissing = counts.deliveredWebhooks().stream().filter(id -> !receipts.containsKey(id)).count();
            long webhooksTwice = receipts.values().stream().filter(n -> n > 1).count();
            long unverified = receiver.deliveries().stream().filter(d -> !d.verified()).count();
            Map<String, Integer> mails = new HashMap<>();
            for (Mailbox mailbox : mailboxes.values()) {
                for (Mailbox.Mail mail : mailbox.arrived()) {
                    Matcher id = DELIVERY_ID.matcher(mail.source());
                    mails.merge(id.find() ? id.group(1) : "without id: " + mail.subject(), 1, Integer::sum);
                }
            }
            long mailsTwice = mails.values().stream().filter(n -> n > 1).count();
            long mailsMoreThanTwice = mails.values().stream().filter(n -> n > 2).count();
            // SMTP cannot take a message and a database row in one commit: a kill -9 of notification-service after
            // the SMTP server's answer and before the row's update sends that one mail again (one SMTP
            // conversation at a time, so at most one per kill), with the same Consilium-Delivery-Id. Nothing else
            // may: a restart of PostgreSQL must not (the outcome waits for the database), nor a slow SMTP server.
            long notificationKills = faults.done().stream().filter(f -> f.target().equals("notification-service")).count();

            System.out.println();
            System.out.printf("fault run %s: %d cases at %.2f/s, %d faults (%s)%n", run, cases, rate,
                    faults.done().size(), String.join(", ", faults.done().stream().map(Faults.Fault::target).distinct().toList()));
            System.out.printf("%-48s %9s%n", "events published (5 outboxes)", counts.published());
            System.out.printf("%-48s %9s%n", "events unsent at the end", counts.unsent());
            System.out.printf("%-48s %9s %9s %9s %9s%n", "consumer", "expected", "applied", "dead", "lost");
            for (Ledger.ConsumerCount c : counts.consumers()) {
                System.out.printf("  %-46s %9d %9d %9d %9d%n", c.consumer(), c.expected(), c.applied(), c.deadLettered(), c.lost());
            }
            System.out.printf("%-48s %9s%n", "duplicates applied (timeline entries per event)", counts.timelineDuplicates());
            System.out.printf("%-48s %9s%n", "duplicates applied (deliveries per recipient)", counts.deliveryDuplicates());
            System.out.printf("%-48s %9s%n", "deliveries by channel and status", counts.deliveriesByChannelAndStatus());
            System.out.printf("%-48s %9s%n", "webhooks delivered to the receiver", counts.deliveredWebhooks().size());
            System.out.printf("%-48s %9s%n", "webhooks received (verified, distinct ids)", receipts.size());
            System.out.printf("%-48s %9s%n", "webhooks delivered but not received", webhooksMissing);
            System.out.printf("%-48s %9s%n", "webhook ids received more than once", webhooksTwice);
            System.out.printf("%-48s %9s%n", "e-mails received (patients, doctor, specialists)", mails.values().stream().mapToInt(Integer::intValue).sum());
            System.out.printf("%-48s %9s%n", "e-mails sent twice", mailsTwice);
            System.out.printf("%-48s %9s%n", "  at most (kills of notification-service)", notificationKills);
            mails.forEach((id, n) -> {
                if (n > 1) {
                    System.out.printf("  e-mail %s received %d times%n", id, n);
                }
            });
            System.out.printf("%-48s %9s%n", "cases closed", cases - stuck);
            System.out.printf("%-48s %9s%n", "stuck cases", stuck);
            List<Long> walks = flows.stream().map(CaseFlow::walked).filter(java.util.Objects::nonNull)
                    .map(Duration::toMillis).sorted().toList();
            if (!walks.isEmpty()) {
                System.out.printf("%-48s %9s%n", "walk from open to CLOSED, p50 / p99 / max (s)", String.format("%.1f / %.1f / %.1f",
                        walks.get(walks.size() / 2) / 1000.0, walks.get((int) Math.min(walks.size() - 1, Math.floor(walks.size() * 0.99))) / 1000.0,
                        walks.get(walks.size() - 1) / 1000.0));
            }
            System.out.printf("%-48s %9s%n", "calls retried by the walkers", flows.stream().mapToInt(CaseFlow::transientFailures).sum());
            System.out.printf("%-48s %9s%n", "calls answered 429 (rate limit)", flows.stream().mapToInt(CaseFlow::rateLimited).sum());
            for (Faults.Fault f : faults.done()) {
                System.out.printf("  fault %-22s at %s, back after %.1f s%n", f.target(), f.at(), f.down().toMillis() / 1000.0);
            }

            assertThat(counts.unsent()).as("events never published").isZero();
            assertThat(counts.lost()).as("events lost").isZero();
            assertThat(counts.deadLettered()).as("events dead-lettered").isZero();
            assertThat(counts.timelineDuplicates() + counts.deliveryDuplicates()).as("events applied twice").isZero();
            assertThat(webhooksMissing).as("webhooks delivered but not received").isZero();
            assertThat(unverified).as("webhooks whose signature did not verify").isZero();
            assertThat(mailsTwice).as("e-mails sent twice (at most one per kill of notification-service)")
                    .isLessThanOrEqualTo(notificationKills);
            assertThat(mailsMoreThanTwice).as("e-mails sent three times or more").isZero();
            assertThat(stuck).as("stuck cases").isZero();
            assertThat(faults.done()).hasSize(faultCount);
        }
    }

    /**
     * The ledger once the relays and consumers caught up after the last case closed (nothing unsent or unapplied,
     * no delivery still waiting), or as it stands after {@code within}: then its counts show what is missing.
     */
    private static Ledger.Counts settled(Ledger ledger, String endpointId, Duration within) throws java.sql.SQLException {
        long until = System.nanoTime() + within.toNanos();
        while (true) {
            Ledger.Counts c = ledger.read(endpointId);
            boolean waiting = c.deliveriesByChannelAndStatus().keySet().stream()
                    .anyMatch(k -> k.endsWith(" PENDING") || k.endsWith(" RETRYING"));
            if ((c.unsent() == 0 && c.lost() == 0 && !waiting) || System.nanoTime() > until) {
                return c;
            }
            Faults.sleep(2000);
        }
    }
}
