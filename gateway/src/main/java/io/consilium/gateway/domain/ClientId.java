package io.consilium.gateway.domain;

/**
 * Who a request counts against, for rate limits and idempotency keys: a partner client by its OAuth client id
 * ({@code azp}), a person by the token's subject, an anonymous caller by remote address. Pseudonymous ids only, so
 * the key may be stored and the client id logged without personal data.
 */
public record ClientId(Kind kind, String id) {

    public enum Kind {
        PARTNER("partner"), USER("user"), ANONYMOUS("anonymous");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    public static ClientId partner(String azp) {
        return new ClientId(Kind.PARTNER, azp);
    }

    public static ClientId user(String subject) {
        return new ClientId(Kind.USER, subject);
    }

    public static ClientId anonymous(String remoteAddress) {
        return new ClientId(Kind.ANONYMOUS, remoteAddress == null ? "unknown" : remoteAddress);
    }

    /** The key of its bucket and the scope of its idempotency keys: {@code partner:partner-acme}. */
    public String scope() {
        return kind.prefix() + ":" + id;
    }
}
