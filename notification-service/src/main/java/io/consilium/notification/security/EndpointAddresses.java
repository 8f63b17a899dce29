package io.consilium.notification.security;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The server-side request forgery rule for webhook URLs: in production only {@code https} to public addresses. A
 * host is refused when any address it resolves to is loopback, link-local (169.254.0.0/16 with the cloud metadata
 * address, fe80::/10), private (10/8, 172.16/12, 192.168/16, fc00::/7), shared (100.64/10), unspecified, multicast
 * or otherwise reserved. The check runs at registration and again before every attempt (DNS may change), and
 * redirects are never followed (a 3xx is a failed attempt), so a redirect cannot lead to a private address either.
 * {@code allowLoopback} (the local profile and the tests only) admits {@code http} and {@code https} to loopback.
 */
public final class EndpointAddresses {

    /** DNS, replaceable in unit tests. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    public static final Resolver DNS = host -> List.of(InetAddress.getAllByName(host));

    private final boolean allowLoopback;
    private final Resolver resolver;

    public EndpointAddresses(boolean allowLoopback, Resolver resolver) {
        this.allowLoopback = allowLoopback;
        this.resolver = resolver;
    }

    /**
     * What the check found: why the URL may not be called, or the address it was checked at. The sender connects to
     * that very address (the URL's host still names it in {@code Host} and for TLS), so a DNS answer that changes
     * between the check and the connection (DNS rebinding) cannot lead it to a private address.
     */
    public record Verdict(String refusal, InetAddress address) {

        static Verdict refused(String why) {
            return new Verdict(why, null);
        }

        public boolean refused() {
            return refusal != null;
        }
    }

    /** @return why the URL may not be called, or empty when it may */
    public Optional<String> refusal(String url) {
        return Optional.ofNullable(check(url).refusal());
    }

    public Verdict check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Verdict.refused("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!uri.isAbsolute() || host == null || host.isBlank()) {
            return Verdict.refused("not an absolute URL with a host");
        }
        if (uri.getUserInfo() != null) {
            return Verdict.refused("credentials in the URL are not allowed");
        }
        if (uri.getFragment() != null) {
            return Verdict.refused("a fragment is not allowed");
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Verdict.refused("only https is allowed");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return Verdict.refused("the host does not resolve");
        }
        if (addresses.isEmpty()) {
            return Verdict.refused("the host does not resolve");
        }
        boolean allLoopback = addresses.stream().allMatch(InetAddress::isLoopbackAddress);
        if (allowLoopback && allLoopback) {
            return new Verdict(null, addresses.get(0));
        }
        for (InetAddress address : addresses) {
            Optional<String> why = notPublic(address);
            if (why.isPresent()) {
                return Verdict.refused("the host resolves to a " + why.get() + " address");
            }
        }
        if (!scheme.equals("https")) {
            return Verdict.refused("only https is allowed");
        }
        return new Verdict(null, addresses.get(0));
    }

    static Optional<String> notPublic(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible addresses are judged as the IPv4 address they carry
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
                try {
                    InetAddress v4 = InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]});
                    return notPublic(v4);
                } catch (UnknownHostException e) {
                    return Optional.of("malformed");
                }
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of("private (unique local)");
            }
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        if (address instanceof Inet4Address v4) {
            int a = v4.getAddress()[0] & 0xff;
            int b = v4.getAddress()[1] & 0xff;
            if (a == 0 || (a == 100 && b >= 64 && b <= 127) || (a == 192 && b == 0 && (v4.getAddress()[2] & 0xff) == 0)
                    || (a == 198 && (b == 18 || b == 19)) || a >= 240) {
                return Optional.of("reserved");
            }
        }
        return Optional.empty();
    }
}
