package io.consilium.report.domain;

import io.consilium.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A time-limited link through which the treating doctor reads a case's released reports without an account.
 * Only the SHA-256 of the random token is stored, so the table cannot be used to forge a link.
 */
@Entity
@Table(name = "share_link")
public class ShareLink extends PanacheEntityBase {

    public static final Duration LONGEST = Duration.ofDays(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    public UUID id;
    @Column(name = "case_id", nullable = false)
    public UUID caseId;
    @Column(name = "token_hash", nullable = false)
    public String tokenHash;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Version
    public long version;

    /** A new link and its token (returned once, never stored). */
    public record Issued(ShareLink link, String token) {
    }

    public static Issued issue(UUID caseId, String patient, Duration validFor, Instant now) {
        if (validFor.isNegative() || validFor.isZero() || validFor.compareTo(LONGEST) > 0) {
            throw new ProblemException.Unprocessable("A share link is valid for up to " + LONGEST.toDays() + " days");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ShareLink l = new ShareLink();
        l.id = UUID.randomUUID();
        l.caseId = caseId;
        l.tokenHash = CanonicalJson.sha256(token);
        l.createdBy = patient;
        l.createdAt = now;
        l.expiresAt = now.plus(validFor);
        return new Issued(l, token);
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    public void revoke(Instant now) {
        if (revokedAt != null) {
            throw new ProblemException.Conflict("This share link was already revoked");
        }
        revokedAt = now;
    }

    public static ShareLink byToken(String token) {
        return find("tokenHash", CanonicalJson.sha256(token)).firstResult();
    }
}
