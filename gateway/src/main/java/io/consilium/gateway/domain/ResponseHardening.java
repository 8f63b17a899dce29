package io.consilium.gateway.domain;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The security headers the gateway adds to every answer that lacks them, its own and the services' alike:
 * {@code X-Content-Type-Options: nosniff}, a {@code Referrer-Policy}, HSTS only over TLS (over plain HTTP it means
 * nothing and would pin a host that has no certificate yet), and a strict CSP on HTML. An API answer in HTML (an
 * error page of a misconfigured service, say) may run nothing at all; the gateway's own pages (the console) may load
 * their own scripts and styles and nothing from elsewhere, with no inline script or style at all, and talk only to
 * the gateway and to Keycloak (the token request, and the logout form posted there, whose redirect back to the page
 * form-action must allow too).
 */
public final class ResponseHardening {

    static final String API_HTML_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";

    private final String referrerPolicy;
    private final String hsts;
    private final String pageCsp;

    /** {@code authOrigin}: Keycloak's origin as browsers reach it, e.g. {@code https://login.consilium.example}. */
    public ResponseHardening(String referrerPolicy, String hsts, String authOrigin) {
        this.referrerPolicy = referrerPolicy;
        this.hsts = hsts;
        this.pageCsp = pageCsp(authOrigin);
    }

    static String pageCsp(String authOrigin) {
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self' " + authOrigin + "; form-action 'self' " + authOrigin + "; frame-ancestors 'none'; "
                + "base-uri 'none'; object-src 'none'";
    }

    /**
     * The headers to add, given whether the exchange is over TLS, the path, the answer's content type and which
     * headers the answer already has.
     */
    public Map<String, String> headersFor(boolean tls, String path, String contentType, Predicate<String> present) {
        Map<String, String> add = new LinkedHashMap<>();
        add.put("X-Content-Type-Options", "nosniff");
        if (!present.test("Referrer-Policy")) {
            add.put("Referrer-Policy", referrerPolicy);
        }
        if (tls && !present.test("Strict-Transport-Security")) {
            add.put("Strict-Transport-Security", hsts);
        }
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/html")) {
            boolean api = path != null && path.startsWith("/api/");
            if (api || !present.test("Content-Security-Policy")) {
                // an API answer never runs scripts, whatever its service set
                add.put("Content-Security-Policy", api ? API_HTML_CSP : pageCsp);
            }
            add.put("X-Frame-Options", "DENY");
        }
        return add;
    }
}
