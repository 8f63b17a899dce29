package io.consilium.gateway.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two requests with one key "the same request": method, target (path and query), content type and the
 * body's bytes, hashed with SHA-256. The same key sent to another endpoint or with another body is a client error
 * (422), never a replay of an unrelated answer.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {
    }

    public static String of(String method, String target, String contentType, byte[] body) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        for (String part : new String[]{method, target, contentType == null ? "" : contentType}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            // length-prefixed, so ("ab", "c") and ("a", "bc") never hash alike
            digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) ':');
            digest.update(bytes);
        }
        digest.update(body);
        return HexFormat.of().formatHex(digest.digest());
    }
}
