package io.consilium.platform.logging;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The trace id of a request: from a W3C {@code traceparent} header when the caller (or the gateway) sent one,
 * else from {@code X-Request-Id} when it is a sane token, else a new one. Never trusted beyond its format, since it
 * ends up in logs and response headers.
 */
public final class TraceIds {

    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private TraceIds() {
    }

    public static String of(String traceparent, String requestId) {
        if (traceparent != null) {
            var m = TRACEPARENT.matcher(traceparent.trim());
            if (m.matches() && !m.group(1).equals("0".repeat(32))) {
                return m.group(1);
            }
        }
        if (requestId != null && REQUEST_ID.matcher(requestId.trim()).matches()) {
            return requestId.trim();
        }
        return UUID.randomUUID().toString().replace("-", "");
    }
}
