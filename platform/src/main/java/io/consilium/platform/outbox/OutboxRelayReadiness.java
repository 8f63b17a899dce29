package io.consilium.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready when this instance should relay its outbox and its relay thread is gone: the service would take
 * requests whose events never leave. An instance standing by for the lock is ready; so is one with the relay off.
 */
@Readiness
@ApplicationScoped
public class OutboxRelayReadiness implements HealthCheck {

    static final String NAME = "Outbox relay";

    private final OutboxRelay relay;

    OutboxRelayReadiness(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        if (!relay.enabled()) {
            return HealthCheckResponse.named(NAME).up().withData("relay", "disabled on this instance").build();
        }
        return HealthCheckResponse.named(NAME).status(relay.alive())
                .withData("relay", relay.alive() ? (relay.active() ? "publishing" : "standing by") : "stopped")
                .build();
    }
}
