package io.consilium.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens already verified by this instance, with what their verification found, so that the same token on
 * the next request costs a hash instead of a JSON parse and an RSA signature check (about 15 % of a service's CPU
 * and 20 % of the gateway's under load, issue 14's and 16's profiles).
 * <p>
 * Kept safe by what is kept and for how long:
 * <ul>
 *     <li>the key is the SHA-256 of the whole token, so only the very same bytes find an entry (a token with any
 *     other signature, claim or header is verified afresh);</li>
 *     <li>an entry ends at the token's own {@code exp} or after {@code maxAge}, whichever is first: an expired token is
 *     never accepted from here, and a token whose signing key was withdrawn from the realm is accepted at most
 *     {@code maxAge} longer (the identity provider's key refresh has the same window);</li>
 *     <li>at most {@code maxEntries} entries: when full, expired ones go, and if that is not enough all go (a token
 *     seen again is then verified again, never refused).</li>
 * </ul>
 * Plain Java with a {@link Clock}, so the rules are tested without a server; generic in what it keeps.
 */
public final class VerifiedTokens<T> {

    private record Entry<T>(T verified, Instant until) {
    }

    private final ConcurrentHashMap<String, Entry<T>> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final Duration maxAge;
    private final Clock clock;

    public VerifiedTokens(int maxEntries, Duration maxAge, Clock clock) {
        if (maxEntries < 1 || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("max-entries must be at least 1 and max-age positive");
        }
        this.maxEntries = maxEntries;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** What the verification of exactly this token found, while it holds. */
    public Optional<T> find(String token) {
        String key = key(token);
        Entry<T> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.until())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.verified());
    }

    /**
     * Keeps what the verification of {@code token} found, until the token expires ({@code expiresAt}) or for
     * {@code maxAge}; a token without an expiry, or already expired, is not kept.
     */
    public void keep(String token, T verified, Instant expiresAt) {
        Instant now = clock.instant();
        if (expiresAt == null || !now.isBefore(expiresAt)) {
            return;
        }
        Instant until = now.plus(maxAge).isBefore(expiresAt) ? now.plus(maxAge) : expiresAt;
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> !now.isBefore(e.until()));
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(key(token), new Entry<>(verified, until));
    }

    public int size() {
        return entries.size();
    }

    static String key(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
