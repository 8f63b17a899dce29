package io.consilium.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.consilium.gateway.service.FetchedPart;
import io.consilium.gateway.service.PatientHomes;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The patient home: one page of my cases with what each waits on, and my unread count. A part that did not come
 * is null here and named in {@code missing} ({@code partial: true}); one its service refused is named in
 * {@code withheld}.
 */
@Schema(description = "My cases with what each waits on, and my unread notifications")
public record PatientHome(boolean partial, List<String> missing, List<String> withheld,
                          @Schema(description = "my unread notifications; null when missing") Long unread,
                          @Schema(description = "one page of my cases, newest first; null when missing") CasePage cases) {

    /** A page of cases as case-service paged them. */
    public record CasePage(List<WaitingCase> items, int page, int size, long total) {

        static CasePage of(JsonNode page) {
            List<WaitingCase> items = new ArrayList<>();
            page.path("items").forEach(item -> items.add(WaitingCase.of(item)));
            return new CasePage(items, page.path("page").asInt(), page.path("size").asInt(), page.path("total").asLong());
        }
    }

    static PatientHome of(Map<String, FetchedPart> parts) {
        PartOutcomes outcomes = PartOutcomes.of(parts.values());
        FetchedPart cases = parts.get(PatientHomes.CASES);
        FetchedPart unread = parts.get(PatientHomes.UNREAD);
        return new PatientHome(outcomes.partial(), outcomes.missing(), outcomes.withheld(),
                unread.shown() ? unread.body().path("unread").asLong() : null,
                cases.shown() ? CasePage.of(cases.body()) : null);
    }
}
