package io.consilium.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The case overview: the parts the caller may read, each as its service answers it directly.
 *
 * @param partial  true when a part did not come in time (the service is slow or down)
 * @param missing  the parts that did not come in time: try again later, or read them directly
 * @param withheld the parts the caller may not read (their service answered 401, 403 or 404): never shown here
 */
@Schema(description = "A case and what every service knows about it, as the caller may see it")
public record CaseOverview(UUID caseId, boolean partial, List<String> missing, List<String> withheld,
                           @Schema(description = "by part: case, timeline, sla, checklist, specimens, panel, reports, "
                                   + "notifications (the caller's unread ones about the case)")
                           Map<String, JsonNode> parts) {
}
