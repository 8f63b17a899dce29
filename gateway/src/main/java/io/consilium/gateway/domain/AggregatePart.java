package io.consilium.gateway.domain;

/**
 * One part of an aggregate: a name in the answer, the service that owns it and the path it is read from with the
 * caller's own token, so the service applies its own rules to it.
 */
public record AggregatePart(String name, String service, String path) {

    /** What became of a part, from the service's status (0: no answer in time, or none at all). */
    public enum Outcome {
        /** 2xx: shown. */
        SHOWN,
        /** 401, 403, 404: the caller may not read it directly, so the aggregate does not show it either. */
        WITHHELD,
        /** 5xx, no answer, or an answer that is not JSON: named in {@code missing}, the answer is partial. */
        MISSING;

        public static Outcome of(int status) {
            if (status >= 200 && status < 300) {
                return SHOWN;
            }
            if (status == 401 || status == 403 || status == 404) {
                return WITHHELD;
            }
            return MISSING;
        }
    }
}
