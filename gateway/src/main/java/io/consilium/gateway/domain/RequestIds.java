package io.consilium.gateway.domain;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The ids that follow a request through the services: {@code X-Request-Id} (the caller's when it is a sane token,
 * else a new one, returned on the answer) and the W3C {@code traceparent} (the caller's when valid, else a new one
 * whose trace id is the request id when that is 32 hex digits). Never trusted beyond their format: both end up in
 * logs and headers.
 */
public final class RequestIds {

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {
    }

    public static String requestId(String header, String traceparent) {
        if (header != null && REQUEST_ID.matcher(header.trim()).matches()) {
            return header.trim();
        }
        String traceId = traceIdOf(traceparent);
        return traceId != null ? traceId : randomHex(16);
    }

    /** The caller's {@code traceparent} when valid; else a new one, sampled, continuing the request id if it can. */
    public static String traceparent(String header, String requestId) {
        if (traceIdOf(header) != null) {
            return header.trim();
        }
        String traceId = requestId != null && TRACE_ID.matcher(requestId).matches() && !requestId.equals("0".repeat(32))
                ? requestId : randomHex(16);
        return "00-" + traceId + "-" + randomHex(8) + "-01";
    }

    private static String traceIdOf(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        var m = TRACEPARENT.matcher(traceparent.trim());
        if (m.matches() && !m.group(1).equals("0".repeat(32)) && !m.group(2).equals("0".repeat(16))) {
            return m.group(1);
        }
        return null;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
