package io.consilium.notification.support;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * A receiver's verification, written from the Standard Webhooks specification (standardwebhooks.com, "Verifying
 * webhook authenticity") and independent of the service's signer: the key is the base64 part after {@code whsec_};
 * the signed content is {@code id.timestamp.body}; the header holds space-delimited {@code v1,<base64>} entries of
 * which one must match, compared in constant time; a timestamp outside the tolerance is refused (replays).
 */
public final class StandardWebhooksVerifier {

    public static final long TOLERANCE_SECONDS = 5 * 60;

    private StandardWebhooksVerifier() {
    }

    /** @return null when valid, else why not */
    public static String problem(String secret, String id, String timestamp, String signatureHeader, String body,
                                 long nowSeconds) {
        if (id == null || timestamp == null || signatureHeader == null) {
            return "missing header";
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return "bad timestamp";
        }
        if (Math.abs(nowSeconds - ts) > TOLERANCE_SECONDS) {
            return "timestamp outside tolerance";
        }
        byte[] key = Base64.getDecoder().decode(secret.replaceFirst("^whsec_", ""));
        byte[] expected;
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            hmac.update(id.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) '.');
            hmac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) '.');
            expected = hmac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            return "no HMAC: " + e;
        }
        for (String versioned : signatureHeader.split(" ")) {
            int comma = versioned.indexOf(',');
            if (comma < 0 || !versioned.substring(0, comma).equals("v1")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(versioned.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return null;
            }
        }
        return "no matching signature";
    }

    public static boolean verifies(String secret, String id, String timestamp, String signatureHeader, String body,
                                   long nowSeconds) {
        return problem(secret, id, timestamp, signatureHeader, body, nowSeconds) == null;
    }
}
