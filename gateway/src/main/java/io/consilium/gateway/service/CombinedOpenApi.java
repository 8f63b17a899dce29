package io.consilium.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consilium.gateway.config.OpenApiConfig;
import io.consilium.gateway.config.RoutingConfig;
import io.consilium.gateway.domain.OpenApiMerge;
import io.consilium.gateway.proxy.Upstreams;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's one OpenAPI document: its own (Quarkus' generated one, read in-process) and every service's
 * ({@code <url>/q/openapi?format=json}), merged by {@link OpenApiMerge}. Fetched at start-up and every
 * {@code consilium.gateway.openapi.refresh}; rebuilt only when a document's content changed or a service came or
 * went. A service that stops answering keeps its last good document (named stale); one never fetched is named
 * missing and asked again on the next poll. The fetch is a plain HTTP call outside the proxy's clients, so a service
 * that is down does not count against its circuit breaker.
 */
@ApplicationScoped
public class CombinedOpenApi {

    private static final Logger LOG = Logger.getLogger(CombinedOpenApi.class);

    /** The served bytes and their ETag (quoted SHA-256 prefix). */
    public record Served(byte[] json, String etag) {
    }

    private record Fetched(JsonNode document, String hash) {
    }

    private final Upstreams upstreams;
    private final RoutingConfig routing;
    private final OpenApiConfig config;
    private final OpenApiDocumentService ownDocuments;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;
    private final Map<String, Fetched> fetched = new ConcurrentHashMap<>();
    private final Map<String, Boolean> answering = new ConcurrentHashMap<>();
    private volatile Served served;
    private JsonNode own;
    private List<OpenApiMerge.Unrouted> lastUnrouted = List.of();

    CombinedOpenApi(Upstreams upstreams, RoutingConfig routing, OpenApiConfig config, OpenApiDocumentService ownDocuments) {
        this.upstreams = upstreams;
        this.routing = routing;
        this.config = config;
        this.ownDocuments = ownDocuments;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.fetchTimeout()).build();
    }

    void start(@Observes StartupEvent event) {
        rebuild(); // the gateway's own operations, every service missing, until the first poll is in
        CompletableFuture.runAsync(this::refresh);
    }

    @Scheduled(every = "${consilium.gateway.openapi.refresh:30s}", delayed = "${consilium.gateway.openapi.refresh:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        refresh();
    }

    /** Between polls, asks again soon while any service's document is missing or its service not answering. */
    @Scheduled(every = "${consilium.gateway.openapi.retry:2s}", delayed = "${consilium.gateway.openapi.retry:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void retryIncomplete() {
        if (incomplete()) {
            refresh();
        }
    }

    /** True while some service has no document here, or its last fetch failed. */
    private boolean incomplete() {
        return services().stream().anyMatch(service -> !answering.getOrDefault(service, false));
    }

    public Served current() {
        Served now = served;
        if (now == null) {
            rebuild();
            now = served;
        }
        return now;
    }

    /** Fetches every service's document once; rebuilds the combined one when anything changed. */
    public synchronized void refresh() {
        Map<String, CompletableFuture<Optional<JsonNode>>> calls = new LinkedHashMap<>();
        for (String service : services()) {
            calls.put(service, fetch(service));
        }
        boolean changed = false;
        for (var call : calls.entrySet()) {
            String service = call.getKey();
            Optional<JsonNode> document = call.getValue().join();
            Boolean was = answering.put(service, document.isPresent()); // null: the first poll
            if (document.isPresent()) {
                String hash = sha256(document.get().toString());
                Fetched before = fetched.put(service, new Fetched(document.get(), hash));
                changed |= before == null || !before.hash().equals(hash) || Boolean.FALSE.equals(was);
                if (!Boolean.TRUE.equals(was)) {
                    LOG.infof("OpenAPI document of %s fetched", service);
                }
            } else if (!Boolean.FALSE.equals(was)) {
                // once per change: the first failure after an answer (or at start), not on every poll
                LOG.warnf("OpenAPI document of %s could not be fetched; %s", service, fetched.containsKey(service)
                        ? "its last good one stays in the combined document" : "named as missing");
                changed |= Boolean.TRUE.equals(was);
            }
        }
        if (changed) {
            rebuild();
        }
    }

    /** By name: configuration maps keep no order, and the document's tag groups should not move between starts. */
    private List<String> services() {
        return upstreams.serviceNames().stream().sorted().toList();
    }

    private CompletableFuture<Optional<JsonNode>> fetch(String service) {
        String base = routing.services().get(service).url().replaceAll("/+$", "");
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json"))
                    .timeout(config.fetchTimeout()).header("Accept", "application/json").GET().build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    if (response.statusCode() != 200) {
                        return Optional.<JsonNode>empty();
                    }
                    try {
                        JsonNode document = json.readTree(response.body());
                        // an answer that is no OpenAPI document (a proxy's error page, say) counts as none
                        return document != null && document.path("openapi").isTextual() && document.path("paths").isObject()
                                ? Optional.of(document) : Optional.<JsonNode>empty();
                    } catch (Exception e) {
                        return Optional.<JsonNode>empty();
                    }
                })
                .completeOnTimeout(Optional.empty(), config.fetchTimeout().toMillis() + 1000, java.util.concurrent.TimeUnit.MILLISECONDS)
                .exceptionally(failure -> Optional.empty());
    }

    private synchronized void rebuild() {
        List<OpenApiMerge.Source> sources = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String service : services()) {
            Fetched last = fetched.get(service);
            if (last == null) {
                missing.add(service);
            } else {
                sources.add(new OpenApiMerge.Source(service, last.document(), !answering.getOrDefault(service, false)));
            }
        }
        OpenApiMerge.Merged merged = OpenApiMerge.merge(own(), sources, missing, config.serverUrl(),
                upstreams.table()::publicPathOf);
        if (!merged.unrouted().equals(lastUnrouted)) {
            merged.unrouted().stream().filter(u -> !lastUnrouted.contains(u)).forEach(u ->
                    LOG.warnf("%s %s of %s is reached by no gateway route: left out of the combined OpenAPI document",
                            u.method(), u.path(), u.service()));
            lastUnrouted = merged.unrouted();
        }
        try {
            byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(merged.document());
            served = new Served(bytes, "\"" + sha256(bytes).substring(0, 32) + "\"");
        } catch (Exception e) {
            throw new IllegalStateException("combined OpenAPI document not written", e);
        }
    }

    /** Quarkus' own document of the gateway (its filters applied), read once: it does not change while running. */
    private JsonNode own() {
        if (own == null) {
            try {
                own = json.readTree(ownDocuments.getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME, Format.JSON));
            } catch (Exception e) {
                LOG.warn("The gateway's own OpenAPI document could not be read; its operations are left out", e);
                return null;
            }
        }
        return own;
    }

    private static String sha256(String text) {
        return sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
