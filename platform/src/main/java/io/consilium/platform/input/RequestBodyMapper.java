package io.consilium.platform.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The mapper the REST layer reads and writes bodies with: the application's (Quarkus-configured) mapper plus
 * {@link PolicyStringDeserializer}. Only HTTP bodies go through the policy; the application mapper itself, which
 * consumers use for other services' events, stays as it is, so a stored value from before the policy never turns
 * an event into a dead letter.
 */
@Provider
@Singleton
public class RequestBodyMapper implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper;

    RequestBodyMapper(ObjectMapper application) {
        this.mapper = application.copy().registerModule(new SimpleModule("consilium-input-policy")
                .addDeserializer(String.class, new PolicyStringDeserializer(TextKind.FREE_TEXT)));
    }

    /** For bodies read in parts, e.g. a bulk import that converts each row of a JSON array on its own. */
    public ObjectMapper mapper() {
        return mapper;
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }
}
