package io.consilium.specialist.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code consilium.specialist.panel-assembled.v1}: every seat of the panel accepted. */
public record PanelAssembled(UUID caseId, String tenant, List<Member> specialists, Instant assembledAt) {

    public record Member(UUID specialistId, String specialistSubject, String country, Integer seat) {
    }
}
