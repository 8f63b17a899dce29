package io.consilium.gateway.api;

import io.consilium.gateway.service.FetchedPart;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The names of an aggregate's parts that did not come in time ({@code missing}) and that were refused ({@code withheld}). */
record PartOutcomes(List<String> missing, List<String> withheld) {

    static PartOutcomes of(Collection<FetchedPart> parts) {
        List<String> missing = new ArrayList<>();
        List<String> withheld = new ArrayList<>();
        for (FetchedPart part : parts) {
            switch (part.outcome()) {
                case MISSING -> missing.add(part.part().name());
                case WITHHELD -> withheld.add(part.part().name());
                case SHOWN -> { }
            }
        }
        return new PartOutcomes(List.copyOf(missing), List.copyOf(withheld));
    }

    boolean partial() {
        return !missing.isEmpty();
    }
}
