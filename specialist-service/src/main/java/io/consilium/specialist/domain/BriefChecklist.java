package io.consilium.specialist.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The records a case needs, as the specialists' brief lists them: document-service's one checklist (the plan's
 * default items for the specialty, the personal doctor's requests and the specimens, merged under one code each),
 * with each item's status. Codes and labels only, never a waiver's reason or who asked.
 */
public final class BriefChecklist {

    public static final String REQUESTED = "REQUESTED";
    public static final String RECEIVED = "RECEIVED";
    public static final String WAIVED = "WAIVED";

    /**
     * One item. {@code kind} RECORD or SPECIMEN; {@code status} REQUESTED, RECEIVED or WAIVED; {@code sources}
     * who asked for it (SPECIALTY: the plan's default for the specialty, REQUEST: the personal doctor, SPECIMEN).
     */
    public record Item(UUID itemId, String code, String kind, String label, boolean required, List<String> sources,
                       String status) {
    }

    private BriefChecklist() {
    }

    /**
     * The items of an event from before document-service listed them all: the open required items (their state
     * says whether something arrived) and the waived codes; what was accepted or optional is not known then.
     */
    public static List<Item> fromOpenAndWaived(List<UUID> openIds, List<String> openCodes, List<String> openStates,
                                               List<String> waivedCodes) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < openCodes.size(); i++) {
            String status = "RECEIVED".equals(openStates.get(i)) ? RECEIVED : REQUESTED;
            items.add(new Item(openIds.get(i), openCodes.get(i), kindOf(openCodes.get(i)), openCodes.get(i), true,
                    List.of(), status));
        }
        for (String code : waivedCodes) {
            items.add(new Item(null, code, kindOf(code), code, true, List.of(), WAIVED));
        }
        return List.copyOf(items);
    }

    /** Specimens have their own items, {@code SPECIMEN_<n>} (document-service's naming). */
    static String kindOf(String code) {
        return code.startsWith("SPECIMEN") ? "SPECIMEN" : "RECORD";
    }
}
