package io.consilium.gateway.service;

import io.consilium.gateway.config.RateLimitConfig;
import io.consilium.gateway.domain.ClientId;
import io.consilium.gateway.domain.RateLimitDecision;
import io.consilium.gateway.domain.RateLimitPolicy;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The gateway's rate limits from {@link RateLimitConfig}, on the gateway's own database. */
@ApplicationScoped
public class RateLimits {

    private static final Logger LOG = Logger.getLogger(RateLimits.class);

    private final boolean enabled;
    private final ClientRateLimiter limiter;

    RateLimits(DataSource dataSource, RateLimitConfig config) {
        this.enabled = config.enabled();
        this.limiter = new ClientRateLimiter(dataSource, policies(config));
    }

    public static RateLimitPolicy.Table policies(RateLimitConfig config) {
        Map<String, RateLimitPolicy> clients = new LinkedHashMap<>();
        config.clients().forEach((azp, policy) -> clients.put(azp, new RateLimitPolicy(azp, policy.quota(), policy.window())));
        return new RateLimitPolicy.Table(
                new RateLimitPolicy("partners", config.partners().quota(), config.partners().window()),
                new RateLimitPolicy("users", config.users().quota(), config.users().window()),
                new RateLimitPolicy("anonymous", config.anonymous().quota(), config.anonymous().window()),
                Map.copyOf(clients));
    }

    /** Takes a token for the client; empty when rate limits are off. Blocking. */
    public Optional<RateLimitDecision> take(ClientId client) {
        return enabled ? Optional.of(limiter.take(client)) : Optional.empty();
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeFullBuckets() {
        try {
            int removed;
            do {
                removed = limiter.removeExpired(1000);
            } while (removed == 1000);
        } catch (RuntimeException e) {
            LOG.warn("Could not remove expired rate limit buckets; next round", e);
        }
    }
}
