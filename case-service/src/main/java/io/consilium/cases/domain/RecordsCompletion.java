package io.consilium.cases.domain;

import io.consilium.platform.problem.ProblemException;

import java.util.List;
import java.util.Map;

/**
 * Whether the personal doctor may mark the records complete: only when document-service's checklist has no open
 * required item, unless the doctor overrides with a reason, which is then recorded with the items that were open.
 * A checklist not reported yet counts as open (nothing says the records are there). Plain rules, unit tested.
 */
public final class RecordsCompletion {

    /** What the completion records: no override, or the reason and the codes that were open. */
    public record Outcome(String overrideReason, List<String> overriddenItems) {
        public boolean overridden() {
            return overrideReason != null;
        }
    }

    private RecordsCompletion() {
    }

    /**
     * @param checklist      the latest checklist state, or null when document-service has not reported one
     * @param overrideReason the doctor's reason to complete anyway, or null
     * @throws ProblemException.Conflict 409 listing the open items ({@code openItems}) when something is open and
     *                                   no reason is given
     */
    public static Outcome decide(RecordsChecklist checklist, String overrideReason) {
        String reason = overrideReason == null || overrideReason.isBlank() ? null : overrideReason.strip();
        if (checklist == null) {
            if (reason == null) {
                throw new ProblemException.Conflict("The records checklist of this case has not been "
                        + "reported by document-service yet; wait for it, or give an overrideReason to complete anyway")
                        .with("reason", "CHECKLIST_UNKNOWN").with("openItems", List.of());
            }
            return new Outcome(reason, List.of());
        }
        List<RecordsChecklist.OpenItem> open = checklist.openItems;
        if (open.isEmpty()) {
            return new Outcome(null, List.of()); // nothing to override: a reason given anyway is not recorded
        }
        if (reason == null) {
            throw new ProblemException.Conflict(open.size() + " required checklist item(s) are "
                    + "neither accepted nor waived: " + String.join(", ", open.stream().map(RecordsChecklist.OpenItem::code).toList())
                    + "; accept or waive them, or give an overrideReason to complete anyway")
                    .with("reason", "CHECKLIST_OPEN")
                    .with("openItems", open.stream().map(i -> Map.of("code", i.code(), "state", i.state())).toList());
        }
        return new Outcome(reason, open.stream().map(RecordsChecklist.OpenItem::code).toList());
    }
}
