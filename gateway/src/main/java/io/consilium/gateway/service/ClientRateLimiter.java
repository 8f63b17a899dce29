package io.consilium.gateway.service;

import io.consilium.gateway.domain.ClientId;
import io.consilium.gateway.domain.RateLimitDecision;
import io.consilium.gateway.domain.RateLimitPolicy;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per client in PostgreSQL, through Bucket4j's select-for-update proxy manager: each take locks the
 * client's row for one short transaction, so every gateway instance on the same database sees the same bucket and
 * a client's limit holds however many instances there are. Plain Java on a {@link DataSource}: the CDI bean
 * {@link RateLimits} wraps one, and a test can run a second instance beside it.
 */
public final class ClientRateLimiter {

    static final String TABLE = "rate_limit_bucket";

    private final RateLimitPolicy.Table policies;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final Map<String, BucketProxy> proxies = new ConcurrentHashMap<>();
    private static final int MAX_PROXIES = 10_000;

    public ClientRateLimiter(DataSource dataSource, RateLimitPolicy.Table policies) {
        this.policies = policies;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                // a row may go once its bucket is full again (plus a margin): a full bucket is the same as none
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(30)))
                .build();
    }

    /** Takes one token from the client's bucket (blocking: one database round trip). */
    public RateLimitDecision take(ClientId client) {
        RateLimitPolicy policy = policies.of(client);
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(policy.quota()).refillGreedy(policy.quota(), policy.window())
                        .build())
                .build();
        // the policy is part of the key: a partner given another limit starts a bucket of the new size
        String key = client.scope() + "|" + policy.name() + ":" + policy.quota() + "/" + policy.window().toSeconds();
        ConsumptionProbe probe = proxy(key, configuration, policy.quota()).tryConsumeAndReturnRemaining(1);
        return new RateLimitDecision(probe.isConsumed(), policy.name(), policy.quota(), policy.window(),
                probe.getRemainingTokens(), Duration.ofNanos(probe.getNanosToWaitForReset()),
                Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Share of a quota an instance may hand out before it writes to the shared bucket. */
    static final long UNSYNCHRONIZED_SHARE = 100;
    /** At most this many tokens, and this long, between two writes of an instance to the shared bucket. */
    static final long MAX_UNSYNCHRONIZED_TOKENS = 50;
    static final Duration MAX_UNSYNCHRONIZED_TIME = Duration.ofMillis(100);

    /**
     * One proxy per bucket, kept. A large quota (100 tokens or more) is taken locally and written to the shared row
     * every 1 % of the quota (at most 50 tokens) or 100 ms, whichever comes first (Bucket4j's delaying
     * optimization): a busy partner costs the database a few round trips a second instead of one per request, and
     * each instance may overshoot by that much at most. A small quota is exact: every take is a round trip, with
     * Bucket4j's batching, so concurrent takes from one bucket on this instance share one round trip (without it
     * a burst queues on the row lock, each waiter holding a connection, and starves every other use of the pool).
     */
    private BucketProxy proxy(String key, BucketConfiguration configuration, long quota) {
        if (proxies.size() > MAX_PROXIES) {
            proxies.clear(); // a proxy holds no state that the database does not have
        }
        return proxies.computeIfAbsent(key, k -> buckets.builder().withOptimization(optimization(quota))
                .build(k, () -> configuration));
    }

    static Optimization optimization(long quota) {
        long unsynchronized = Math.min(MAX_UNSYNCHRONIZED_TOKENS, quota / UNSYNCHRONIZED_SHARE);
        return unsynchronized < 1 ? Optimizations.batching()
                : Optimizations.delaying(new DelayParameters(unsynchronized, MAX_UNSYNCHRONIZED_TIME));
    }

    /** Deletes rows of buckets that are full again; returns how many went. */
    public int removeExpired(int batch) {
        return buckets.removeExpired(batch);
    }

    ProxyManager<String> buckets() {
        return buckets;
    }
}
