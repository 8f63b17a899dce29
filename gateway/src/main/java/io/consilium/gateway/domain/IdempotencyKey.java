package io.consilium.gateway.domain;

import java.util.Optional;

/**
 * The {@code Idempotency-Key} header (draft-ietf-httpapi-idempotency-key-header): a Structured Fields string,
 * {@code Idempotency-Key: "8e03978e-40d5-43e8-bc93-6894a57f9324"}. The bare token most clients send
 * ({@code Idempotency-Key: 8e03978e-...}) is taken too. 1 to 255 printable ASCII characters; anything else is refused,
 * as a key that cannot be compared byte for byte cannot protect anything.
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;

    /** The key, empty when the header is absent; {@link Invalid} when it is present but unusable. */
    public static Optional<IdempotencyKey> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
            if (value.contains("\"") || value.contains("\\")) {
                throw new Invalid("must be a string without quotes or backslashes inside");
            }
        }
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new Invalid("must hold 1 to " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new Invalid("must hold printable ASCII characters only (position " + i + ")");
            }
        }
        return Optional.of(new IdempotencyKey(value));
    }

    /** A header value that is not a usable key; the message names what is wrong, never the value. */
    public static final class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message);
        }
    }
}
