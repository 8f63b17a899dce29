package io.consilium.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

import java.io.IOException;
import java.util.Optional;

/**
 * Reads every string of a request body through {@link InputPolicy}: Jackson's own reading, then the policy for
 * the property's {@link InputKind} (free text when unannotated), then NFC.
 */
final class PolicyStringDeserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {

    private final TextKind kind;

    PolicyStringDeserializer(TextKind kind) {
        super(String.class);
        this.kind = kind;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        InputKind declared = property == null ? null : property.getAnnotation(InputKind.class);
        TextKind wanted = declared == null ? TextKind.FREE_TEXT : declared.value();
        return wanted == kind ? this : new PolicyStringDeserializer(wanted);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String value = StringDeserializer.instance.deserialize(p, ctxt);
        Optional<String> refusal = InputPolicy.refusal(value, kind);
        if (refusal.isPresent()) {
            throw new RefusedTextException(p, refusal.get());
        }
        return InputPolicy.normalised(value);
    }
}
