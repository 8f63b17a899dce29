package io.consilium.notification.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consilium.notification.config.ContactSettings;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * People's contact data from Keycloak's admin REST API ({@code GET <admin-url>/users/<subject>}), with this
 * service's own service-account token (quarkus-oidc-client, client credentials, role {@code view-users}). Answers
 * are cached for {@code cache-ttl}; each call has a timeout; when Keycloak cannot be asked, a stale cached answer
 * is the fallback, else {@link ContactUnavailable} (the delivery is retried later). Events never carry addresses.
 */
@ApplicationScoped
public class KeycloakContacts {

    private static final Logger LOG = Logger.getLogger(KeycloakContacts.class);

    private record Cached(Optional<Contact> contact, Instant until) {
    }

    private final OidcClient oidc;
    private final ContactSettings settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private volatile Tokens tokens;

    KeycloakContacts(OidcClient oidc, ContactSettings settings, ObjectMapper json, Clock clock) {
        this.oidc = oidc;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** @return the person's contact, empty when Keycloak knows no such user or no address */
    public Optional<Contact> contact(String subject) {
        Instant now = clock.instant();
        Cached cached = cache.get(subject);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.contact();
        }
        try {
            Optional<Contact> fresh = lookUp(subject);
            cache.put(subject, new Cached(fresh, now.plus(settings.cacheTtl())));
            return fresh;
        } catch (RuntimeException e) {
            if (cached != null) {
                LOG.warnf("Keycloak could not be asked for a contact (%s); using the cached one", e.getMessage());
                return cached.contact();
            }
            throw new ContactUnavailable("contact lookup failed: " + e.getMessage());
        }
    }

    private Optional<Contact> lookUp(String subject) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.adminUrl() + "/users/"
                        + URLEncoder.encode(subject, StandardCharsets.UTF_8)))
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + token())
                .header("Accept", "application/json")
                .GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() == 401) {
            tokens = null;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        try {
            JsonNode user = json.readTree(response.body());
            String email = user.path("email").asText(null);
            if (email == null || email.isBlank()) {
                return Optional.empty();
            }
            JsonNode locale = user.path("attributes").path("locale");
            String language = locale.isArray() && !locale.isEmpty() ? locale.get(0).asText(null) : null;
            return Optional.of(new Contact(email, language));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not a user representation");
        }
    }

    private String token() {
        Tokens current = tokens;
        if (current == null || current.isAccessTokenExpired()) {
            current = oidc.getTokens().await().atMost(settings.timeout());
            tokens = current;
        }
        return current.getAccessToken();
    }
}
