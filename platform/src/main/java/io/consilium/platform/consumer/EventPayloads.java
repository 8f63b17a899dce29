package io.consilium.platform.consumer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consilium.platform.cloudevents.InvalidEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads an event's JSON payload into the consumer's own record and checks the fields the consumer needs. A
 * consumer marks those fields on its record with Bean Validation constraints ({@code @NotNull}, {@code @NotBlank},
 * {@code @Valid} for nested records); a payload that is not JSON, or misses one of them, is an {@link InvalidEvent}
 * naming the fields, filed at once as a dead letter (a broken contract), never a {@code NullPointerException}
 * retried three times. Unknown fields are ignored, as the event conventions ask.
 */
@ApplicationScoped
public class EventPayloads {

    private final ObjectMapper json;
    private final Validator validator;

    /** Also for plain unit tests, with a mapper and a validator of their own. */
    @Inject
    public EventPayloads(ObjectMapper json, Validator validator) {
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.validator = validator;
    }

    public <T> T read(String payload, Class<T> type) {
        T value;
        try {
            value = json.readValue(payload, type);
        } catch (Exception e) {
            throw new InvalidEvent("Payload is not a " + type.getSimpleName() + ": " + e.getClass().getSimpleName(), e);
        }
        if (value == null) {
            throw new InvalidEvent("Payload of a " + type.getSimpleName() + " is empty");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            // Field names and rules only: payload values may be clinical and never reach logs or dead-letter reasons.
            String fields = violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .collect(Collectors.joining(", "));
            throw new InvalidEvent(type.getSimpleName() + " payload breaks the contract: " + fields);
        }
        return value;
    }
}
