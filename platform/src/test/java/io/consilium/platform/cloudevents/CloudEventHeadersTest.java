package io.consilium.platform.cloudevents;

import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventHeadersTest {

    @Test
    void writesTheBinaryModeAttributesInUtc() {
        UUID id = UUID.randomUUID();
        List<Header> headers = CloudEventHeaders.of(id, "consilium.case.submitted.v1", "/case-service", "c-1", "acme",
                OffsetDateTime.of(2026, 11, 25, 10, 0, 0, 0, ZoneOffset.ofHours(1)));
        Map<String, String> byName = headers.stream().collect(Collectors.toMap(Header::key,
                h -> new String(h.value(), StandardCharsets.UTF_8)));
        assertThat(byName).containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_id", id.toString())
                .containsEntry("ce_type", "consilium.case.submitted.v1")
                .containsEntry("ce_source", "/case-service")
                .containsEntry("ce_subject", "c-1")
                .containsEntry("ce_tenant", "acme")
                .containsEntry("ce_time", "2026-11-25T09:00:00Z")
                .containsEntry("content-type", "application/json");
    }

    @Test
    void leavesOutAbsentOptionalAttributes() {
        List<Header> headers = CloudEventHeaders.of(UUID.randomUUID(), "t", "/s", null, null, OffsetDateTime.now());
        assertThat(headers).extracting(Header::key).doesNotContain("ce_subject", "ce_tenant");
    }
}
