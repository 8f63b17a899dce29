package io.consilium.platform.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.consilium.platform.cloudevents.InvalidEvent;
import io.consilium.platform.consumer.EventPayloads;
import jakarta.validation.Validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Checks a consumer's payload record against the events it reads: the complete payload (as the publisher writes
 * it) is read, and the payload stripped of any one of the fields the consumer needs, or with it set to null, is an
 * {@link InvalidEvent} (filed at once as a broken contract), never a null to trip over later.
 */
public final class PayloadContracts {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final EventPayloads PAYLOADS = new EventPayloads(JSON,
            Validation.buildDefaultValidatorFactory().getValidator());

    private PayloadContracts() {
    }

    public static <T> T read(String payload, Class<T> type) {
        return PAYLOADS.read(payload, type);
    }

    /** @param required top-level fields, or a dotted path into the first element of an array ("reports.reportId") */
    public static void assertRequired(Class<?> type, String completePayload, String... required) {
        assertThat(read(completePayload, type)).as("the complete payload").isNotNull();
        for (String field : required) {
            for (boolean asNull : new boolean[]{false, true}) {
                String stripped = without(completePayload, field, asNull);
                assertThatThrownBy(() -> read(stripped, type))
                        .as("%s %s %s", type.getSimpleName(), asNull ? "with null" : "without", field)
                        .isInstanceOf(InvalidEvent.class)
                        .hasMessageContaining(field.substring(field.lastIndexOf('.') + 1));
            }
        }
        assertThatThrownBy(() -> read("not json", type)).isInstanceOf(InvalidEvent.class);
    }

    private static String without(String payload, String path, boolean asNull) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(payload);
            ObjectNode parent = node;
            String[] parts = path.split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                var child = parent.get(parts[i]);
                parent = (ObjectNode) (child.isArray() ? child.get(0) : child);
            }
            String last = parts[parts.length - 1];
            if (asNull) {
                parent.putNull(last);
            } else {
                parent.remove(last);
            }
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new AssertionError("not a JSON object: " + payload, e);
        }
    }
}
