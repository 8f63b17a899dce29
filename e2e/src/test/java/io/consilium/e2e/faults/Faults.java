package io.consilium.e2e.faults;

import io.consilium.e2e.Suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The faults, done to the suite deploy/local/start.sh runs, with its own scripts: {@code kill -9} of the Kafka
 * broker or of a service's JVM and its restart, and an immediate (crash-like) restart of PostgreSQL. One cycle is
 * the broker, then each service in turn, then PostgreSQL.
 */
final class Faults {

    /** What one fault did: when the process died and how long until it answered again. */
    record Fault(String target, Instant at, Duration down) {
    }

    static final List<String> SERVICES = List.of("case-service", "document-service", "specialist-service",
            "report-service", "notification-service", "gateway");

    private final Path local = Suite.ROOT.resolve(".local");
    private final Path scripts = Suite.ROOT.resolve("deploy/local");
    private final List<Fault> done = new ArrayList<>();

    /** The targets of one cycle, in order. */
    static List<String> cycle() {
        List<String> targets = new ArrayList<>();
        targets.add("kafka");
        targets.addAll(SERVICES);
        targets.add("postgresql");
        return targets;
    }

    List<Fault> done() {
        return List.copyOf(done);
    }

    void inject(String target) {
        Instant at = Instant.now();
        switch (target) {
            case "kafka" -> {
                kill9(local.resolve("kafka/kafka.pid"));
                run(scripts.resolve("kafka.sh").toString(), "start");
            }
            case "postgresql" -> {
                String[] cluster = clusterOn(System.getenv().getOrDefault("PG_PORT", "5432"));
                run("pg_ctlcluster", cluster[0], cluster[1], "restart", "-m", "immediate");
            }
            default -> {
                kill9(local.resolve("services/" + target + ".pid"));
                run(scripts.resolve("services.sh").toString(), "start", "--no-build");
            }
        }
        done.add(new Fault(target, at, Duration.between(at, Instant.now())));
        System.out.printf("fault %-22s kill -9 / restart, back after %5.1f s%n", target,
                Duration.between(at, Instant.now()).toMillis() / 1000.0);
    }

    /** The Debian cluster (version, name) listening on the port, whoever started it (pg_lsclusters). */
    private static String[] clusterOn(String port) {
        try {
            Process process = new ProcessBuilder("pg_lsclusters", "-h").redirectErrorStream(true).start();
            for (String line : new String(process.getInputStream().readAllBytes()).split("\n")) {
                String[] columns = line.trim().split("\\s+");
                if (columns.length > 3 && columns[2].equals(port)) {
                    return new String[]{columns[0], columns[1]};
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("pg_lsclusters", e);
        }
        throw new IllegalStateException("no PostgreSQL cluster on port " + port + " (pg_lsclusters)");
    }

    private void kill9(Path pidfile) {
        String pid = read(pidfile).trim();
        run("kill", "-9", pid);
        // the restart must not find the dead process' port still held
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (Files.exists(Path.of("/proc/" + pid)) && System.nanoTime() < until) {
            sleep(100);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new IllegalStateException(file + ": is the suite running from deploy/local/start.sh?", e);
        }
    }

    private void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(Suite.ROOT.toFile())
                    .redirectErrorStream(true).redirectOutput(local.resolve("faults-commands.log").toFile().exists()
                            ? ProcessBuilder.Redirect.appendTo(local.resolve("faults-commands.log").toFile())
                            : ProcessBuilder.Redirect.to(local.resolve("faults-commands.log").toFile()))
                    .start();
            if (!process.waitFor(240, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (see .local/faults-commands.log)");
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits; an interrupt (the run being stopped) ends the run. The fault run's one way to wait. */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
