package io.consilium.notification.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Standard Webhooks signatures: HMAC-SHA256 over {@code <webhook-id>.<webhook-timestamp>.<body>} with the key the
 * {@code whsec_}-prefixed secret encodes (base64), sent as {@code v1,<base64 signature>}; several signatures
 * (a rotation's overlap) are separated by spaces in one {@code webhook-signature} header.
 */
public final class WebhookSigner {

    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSigner() {
    }

    /** A new secret: 24 random bytes (192 bits), base64, with the spec's prefix. */
    public static String newSecret() {
        byte[] key = new byte[24];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    public static String sign(String secret, String id, long timestamp, String body) {
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(encoded), "HmacSHA256"));
            byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The {@code webhook-signature} header value for every secret in use. */
    public static String header(List<String> secrets, String id, long timestamp, String body) {
        return secrets.stream().map(s -> sign(s, id, timestamp, body)).collect(Collectors.joining(" "));
    }
}
