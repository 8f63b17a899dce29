package io.consilium.notification.push;

/** An OAuth2 access token for the push provider's API, refreshed by the implementation as it expires. */
public interface AccessTokens {

    String token();

    /** The provider refused the token (401): the next {@link #token()} fetches a new one. */
    void invalidate();

    /** A token given by configuration (tests, or one minted elsewhere): the same every time. */
    static AccessTokens fixed(String token) {
        return new AccessTokens() {
            @Override
            public String token() {
                return token;
            }

            @Override
            public void invalidate() {
                // nothing to refresh: a wrong fixed token stays wrong, and the attempts keep failing visibly
            }
        };
    }
}
