package io.consilium.platform.logging;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;

/**
 * Puts the request's trace id and, when the path names one, the case id into the logging context, so every log
 * line of the request carries them (JSON logs in prod print the MDC), and returns the trace id as
 * {@code X-Request-Id}. Ids only: nothing a patient wrote ever reaches the log context.
 */
public class RequestLogContext {

    public static final String TRACE_ID = "traceId";
    public static final String CASE_ID = "caseId";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    @ServerRequestFilter
    public void enter(ContainerRequestContext request, UriInfo uri) {
        String traceId = TraceIds.of(request.getHeaderString("traceparent"), request.getHeaderString(REQUEST_ID_HEADER));
        request.setProperty(TRACE_ID, traceId);
        MDC.put(TRACE_ID, traceId);
        String caseId = uri.getPathParameters().getFirst(CASE_ID);
        if (caseId != null && isUuid(caseId)) {
            MDC.put(CASE_ID, caseId);
        }
    }

    @ServerResponseFilter
    public void leave(ContainerRequestContext request, ContainerResponseContext response) {
        Object traceId = request.getProperty(TRACE_ID);
        if (traceId == null) {
            // Refused before the request filters ran (e.g. authentication): still answer with an id.
            traceId = TraceIds.of(request.getHeaderString("traceparent"), request.getHeaderString(REQUEST_ID_HEADER));
        }
        response.getHeaders().putSingle(REQUEST_ID_HEADER, traceId.toString());
        MDC.remove(TRACE_ID);
        MDC.remove(CASE_ID);
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
