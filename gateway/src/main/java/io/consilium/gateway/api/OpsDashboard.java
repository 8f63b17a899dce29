package io.consilium.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.consilium.gateway.service.FetchedPart;
import io.consilium.gateway.service.OpsDashboards;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ops dashboard. Every figure is from a part named in {@code missing} or {@code withheld} when it did not come
 * or was refused: a state's count as {@code cases:<STATE>}, a service's dead letters as {@code dead-letters:<service>},
 * the clocks as {@code clocks}, the endpoints as {@code webhooks}, the case activity ({@code casesByTenant} and
 * {@code openedClosedPerDay}) as {@code activity} (that figure is then absent or null here).
 */
@Schema(description = "Cases by state and by tenant, cases opened and closed per day, clocks at risk or breached, "
        + "open dead letters per service, failing webhook endpoints")
public record OpsDashboard(boolean partial, List<String> missing, List<String> withheld,
                           @Schema(description = "the tenant the figures are narrowed to; null: all") String tenant,
                           @Schema(description = "number of cases by state") Map<String, Long> casesByState,
                           @Schema(description = "null when missing or withheld") Clocks clocks,
                           @Schema(description = "open dead letters by service") Map<String, Long> openDeadLetters,
                           @Schema(description = "by service, its first " + OpsDashboards.DEAD_LETTERS_LISTED
                                   + " open dead letters (most recently failed first) as the service lists them; "
                                   + "never the event's payload") Map<String, List<JsonNode>> deadLetterItems,
                           @Schema(description = "null when missing or withheld") FailingWebhooks webhooks,
                           @Schema(description = "per tenant, its cases now by state; null when activity is missing or withheld")
                           Map<String, Map<String, Long>> casesByTenant,
                           @Schema(description = "per UTC day of the last " + OpsDashboards.ACTIVITY_DAYS + " days (today "
                                   + "included), cases opened (created) and closed; null when activity is missing or withheld")
                           List<Day> openedClosedPerDay) {

    /** One UTC day of case-service's activity: cases created and cases closed that day. */
    public record Day(LocalDate date, long opened, long closed) {
    }

    /** Listed entries of a figure are capped (the counts are not). */
    static final int LISTED = 100;

    /**
     * Clocks at risk or breached, from case-service's ops queue (at most its first 1000 entries, breached first).
     *
     * @param items the first 100 of them, as the ops queue shows them
     */
    public record Clocks(long atRisk, long breached, Map<String, Long> byTenant, List<JsonNode> items) {

        static Clocks of(JsonNode queue) {
            long atRisk = 0;
            long breached = 0;
            Map<String, Long> byTenant = new TreeMap<>();
            List<JsonNode> items = new ArrayList<>();
            for (JsonNode item : queue) {
                String status = item.path("status").asText();
                if (!status.equals("AT_RISK") && !status.equals("BREACHED")) {
                    continue;
                }
                if (status.equals("AT_RISK")) {
                    atRisk++;
                } else {
                    breached++;
                }
                byTenant.merge(item.path("tenant").asText(), 1L, Long::sum);
                if (items.size() < LISTED) {
                    items.add(item);
                }
            }
            return new Clocks(atRisk, breached, byTenant, items);
        }
    }

    /**
     * Webhook endpoints that are failing ({@code failingSince} set) or disabled, of the first {@code checked} of
     * {@code total} endpoints notification-service lists to the caller.
     */
    public record FailingWebhooks(long checked, long total, List<JsonNode> items) {

        static FailingWebhooks of(JsonNode page) {
            List<JsonNode> items = new ArrayList<>();
            long checked = 0;
            for (JsonNode endpoint : page.path("items")) {
                checked++;
                boolean failing = !endpoint.path("failingSince").isNull() && !endpoint.path("failingSince").isMissingNode();
                if (failing || !endpoint.path("enabled").asBoolean(true)) {
                    items.add(endpoint);
                }
            }
            return new FailingWebhooks(checked, page.path("total").asLong(), items);
        }
    }

    static OpsDashboard of(String tenant, Map<String, FetchedPart> parts) {
        PartOutcomes outcomes = PartOutcomes.of(parts.values());
        Map<String, Long> byState = new LinkedHashMap<>();
        Map<String, Long> deadLetters = new TreeMap<>();
        Map<String, List<JsonNode>> deadLetterItems = new TreeMap<>();
        parts.forEach((name, part) -> {
            if (part.shown() && name.startsWith(OpsDashboards.CASES_PREFIX)) {
                byState.put(name.substring(OpsDashboards.CASES_PREFIX.length()), part.body().path("total").asLong());
            } else if (part.shown() && name.startsWith(OpsDashboards.DEAD_LETTERS_PREFIX)) {
                String service = name.substring(OpsDashboards.DEAD_LETTERS_PREFIX.length());
                deadLetters.put(service, part.body().path("total").asLong());
                List<JsonNode> items = new ArrayList<>();
                part.body().path("items").forEach(items::add);
                deadLetterItems.put(service, items);
            }
        });
        FetchedPart clocks = parts.get(OpsDashboards.CLOCKS);
        FetchedPart webhooks = parts.get(OpsDashboards.WEBHOOKS);
        FetchedPart activity = parts.get(OpsDashboards.ACTIVITY);
        return new OpsDashboard(outcomes.partial(), outcomes.missing(), outcomes.withheld(), tenant, byState,
                clocks.shown() ? Clocks.of(clocks.body()) : null, deadLetters, deadLetterItems,
                webhooks.shown() ? FailingWebhooks.of(webhooks.body()) : null,
                activity.shown() ? casesByTenant(activity.body()) : null,
                activity.shown() ? days(activity.body()) : null);
    }

    private static Map<String, Map<String, Long>> casesByTenant(JsonNode activity) {
        Map<String, Map<String, Long>> byTenant = new TreeMap<>();
        activity.path("casesByTenant").fields().forEachRemaining(tenant -> {
            Map<String, Long> byState = new TreeMap<>();
            tenant.getValue().fields().forEachRemaining(state -> byState.put(state.getKey(), state.getValue().asLong()));
            byTenant.put(tenant.getKey(), byState);
        });
        return byTenant;
    }

    private static List<Day> days(JsonNode activity) {
        List<Day> days = new ArrayList<>();
        for (JsonNode day : activity.path("days")) {
            try {
                days.add(new Day(LocalDate.parse(day.path("date").asText()), day.path("opened").asLong(), day.path("closed").asLong()));
            } catch (java.time.DateTimeException e) {
                // a day case-service did not date is left out of the chart: the dashboard is never a 500
            }
        }
        return days;
    }
}
