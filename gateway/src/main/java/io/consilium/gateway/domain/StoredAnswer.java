package io.consilium.gateway.domain;

import java.util.List;
import java.util.Map;

/** The first answer to a key, as it is replayed: status, the service's end-to-end headers and the body. */
public record StoredAnswer(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    /**
     * Answers kept for a key: everything the service decided on, errors included (a 422 stays a 422 for the same
     * body). Not kept, so the client may try again with the same key: 5xx (nothing may have happened, or the
     * gateway could not tell), 401 (a token expired on the way), 408 and 429 (the request was not processed).
     */
    public static boolean keptForReplay(int status) {
        return status < 500 && status != 401 && status != 408 && status != 429;
    }
}
