package io.consilium.platform.input;

import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies {@link InputPolicy} ({@link TextKind#NAME}) to the matched request's path parameters, every query
 * parameter, and the headers the resource method declares ({@code @HeaderParam}), answering 400 naming each one
 * refused. Other headers are the server's business: Netty reads them as ISO-8859-1, so UTF-8 in, say, a
 * User-Agent would look like C1 controls. Values are checked, not rewritten: the body is where text is stored.
 */
public class RequestParameterCheck {

    private static final Map<Method, List<String>> HEADERS = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, UriInfo uri, ResourceInfo resource) {
        List<Violation> violations = new ArrayList<>();
        collect(uri.getPathParameters(true), violations);
        collect(uri.getQueryParameters(true), violations);
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method != null) {
            for (String header : HEADERS.computeIfAbsent(method, RequestParameterCheck::declaredHeaders)) {
                InputPolicy.refusal(request.getHeaderString(header), TextKind.NAME)
                        .ifPresent(why -> violations.add(new Violation(header, why)));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException.InvalidRequest("The request has " + violations.size() + " invalid parameter(s)",
                    violations);
        }
    }

    /**
     * The {@code @HeaderParam} names of a resource method. The method may belong to a CDI subclass (interceptors,
     * {@code @Transactional}) whose override carries no parameter annotations, so the class hierarchy is searched.
     */
    private static List<String> declaredHeaders(Method method) {
        for (Class<?> type = method.getDeclaringClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                Method declared = type.getDeclaredMethod(method.getName(), method.getParameterTypes());
                List<String> names = new ArrayList<>();
                for (Parameter parameter : declared.getParameters()) {
                    HeaderParam header = parameter.getAnnotation(HeaderParam.class);
                    if (header != null) {
                        names.add(header.value());
                    }
                }
                if (!names.isEmpty()) {
                    return List.copyOf(names);
                }
            } catch (NoSuchMethodException e) {
                // declared further up
            }
        }
        return List.of();
    }

    private static void collect(MultivaluedMap<String, String> values, List<Violation> violations) {
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            InputPolicy.refusal(entry.getKey(), TextKind.NAME)
                    .ifPresent(why -> violations.add(new Violation("(parameter name)", why)));
            for (String value : entry.getValue()) {
                InputPolicy.refusal(value, TextKind.NAME)
                        .ifPresent(why -> violations.add(new Violation(safeName(entry.getKey()), why)));
            }
        }
    }

    /** A parameter name is echoed only when the policy lets it through. */
    private static String safeName(String name) {
        return InputPolicy.refusal(name, TextKind.NAME).isEmpty() ? name : "(parameter name)";
    }
}
