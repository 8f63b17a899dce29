package io.consilium.gateway.domain;

import java.util.Locale;
import java.util.Set;

/**
 * Which headers a proxy must not pass on (RFC 9110 section 7.6.1): the hop-by-hop ones, which describe one
 * connection, and those a connection header names. Every other header, {@code Authorization} included, passes
 * unchanged both ways.
 */
public final class ForwardedHeaders {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "te", "trailer",
            "transfer-encoding", "upgrade", "proxy-authorization", "proxy-authenticate", "http2-settings");

    private ForwardedHeaders() {
    }

    /** Whether the header is dropped on the way through; {@code connectionHeader} is the message's Connection value. */
    public static boolean hopByHop(String name, String connectionHeader) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (HOP_BY_HOP.contains(lower)) {
            return true;
        }
        if (connectionHeader != null) {
            for (String token : connectionHeader.split(",")) {
                if (token.trim().equalsIgnoreCase(lower)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A service's absolute {@code Location} (tus creation answers one) pointing at the service itself is rewritten to
     * the gateway's origin, so clients never learn, nor need, a service's own address; anything else is kept.
     *
     * @param upstreamOrigin the service's {@code scheme://host:port}
     * @param gatewayOrigin  the origin the client used, {@code scheme://host[:port]}
     */
    public static String rewriteLocation(String location, String upstreamOrigin, String gatewayOrigin) {
        if (location == null) {
            return null;
        }
        String lower = location.toLowerCase(Locale.ROOT);
        String origin = upstreamOrigin.toLowerCase(Locale.ROOT);
        if (lower.startsWith(origin) && (lower.length() == origin.length() || "/?#".indexOf(lower.charAt(origin.length())) >= 0)) {
            return gatewayOrigin + location.substring(upstreamOrigin.length());
        }
        String hostless = origin.startsWith("http://") && origin.endsWith(":80") ? origin.substring(0, origin.length() - 3) : null;
        if (hostless != null && lower.startsWith(hostless + "/")) {
            return gatewayOrigin + location.substring(hostless.length());
        }
        return location;
    }
}
