package io.consilium.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.consilium.gateway.domain.AggregatePart;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The case overview: the case and what every service knows about it, fetched by {@link PartFetcher} with the
 * caller's own token. Of the caller's inbox only the unread notifications about this case are kept.
 */
@ApplicationScoped
public class CaseOverviews {

    /** The case part decides whether there is an overview at all (a case the caller may not see is its 404). */
    public static final String CASE = "case";
    static final String NOTIFICATIONS = "notifications";

    private final PartFetcher fetcher;
    private final ObjectMapper json;

    CaseOverviews(PartFetcher fetcher, ObjectMapper json) {
        this.fetcher = fetcher;
        this.json = json;
    }

    static List<AggregatePart> parts(UUID caseId) {
        String c = "/api/v1/cases/" + caseId;
        return List.of(
                new AggregatePart(CASE, "case-service", c),
                new AggregatePart("timeline", "case-service", c + "/timeline"),
                new AggregatePart("sla", "case-service", c + "/sla"),
                new AggregatePart("checklist", "document-service", c + "/checklist"),
                new AggregatePart("specimens", "document-service", c + "/specimens"),
                new AggregatePart("panel", "specialist-service", c + "/panel"),
                new AggregatePart("reports", "report-service", c + "/reports"),
                new AggregatePart(NOTIFICATIONS, "notification-service", "/api/v1/me/notifications?size=100"));
    }

    /** Every part, each within the deadline; the future never fails. */
    public Future<Map<String, FetchedPart>> fetch(UUID caseId, MultiMap callerHeaders) {
        return fetcher.fetchAll(parts(caseId), callerHeaders).map(parts -> {
            Map<String, FetchedPart> result = new LinkedHashMap<>(parts);
            FetchedPart inbox = result.get(NOTIFICATIONS);
            if (inbox.shown()) {
                result.put(NOTIFICATIONS, inbox.withBody(unreadAbout(inbox.body(), caseId)));
            }
            return result;
        });
    }

    /** The caller's unread notifications about this case, from the first page of their inbox. */
    private JsonNode unreadAbout(JsonNode page, UUID caseId) {
        ArrayNode items = json.createArrayNode();
        for (JsonNode item : page.path("items")) {
            if (caseId.toString().equals(item.path("caseId").asText()) && item.path("readAt").isNull()) {
                items.add(item);
            }
        }
        ObjectNode unread = json.createObjectNode();
        unread.put("unread", items.size());
        unread.set("items", items);
        return unread;
    }
}
