package io.consilium.platform.cloudevents;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: the attributes travel as {@code ce_*} headers
 * and the record value is the bare JSON payload. SmallRye's Kafka connector reads these headers back as
 * {@code IncomingKafkaCloudEventMetadata}, so consumers in every service see the same attributes.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String TENANT = "ce_tenant";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }

    public static List<Header> of(UUID id, String type, String source, String subject, String tenant,
                                  OffsetDateTime time) {
        List<Header> headers = new ArrayList<>(8);
        headers.add(header(SPEC_VERSION, "1.0"));
        headers.add(header(ID, id.toString()));
        headers.add(header(TYPE, type));
        headers.add(header(SOURCE, source));
        if (subject != null) {
            headers.add(header(SUBJECT, subject));
        }
        headers.add(header(TIME, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC))));
        if (tenant != null) {
            headers.add(header(TENANT, tenant));
        }
        headers.add(header(CONTENT_TYPE, "application/json"));
        return headers;
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
