package io.consilium.platform.openapi;

import io.quarkus.arc.Arc;
import io.quarkus.security.Authenticated;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who may call each operation, stated in the OpenAPI document: a first line of the description
 * ({@code **Roles:** ops, partner}, {@code **Roles:** any signed-in user; ...}, {@code **Public:** no token}) and the
 * roles as the scopes of the operation's security requirement.
 * <p>
 * Why here: Quarkus adds {@code security: [{SecurityScheme: []}]} to every {@code @RolesAllowed} operation but
 * lists the roles only for OAuth2/OpenID Connect schemes, and the services use an HTTP bearer (JWT) scheme, so the
 * generated documents said "a token" and never which roles. The annotations are read from the REST resources (CDI
 * beans in Quarkus REST) by reflection when the document is prepared at start-up: method first, then class;
 * {@code @RolesAllowed} > {@code @PermitAll} > {@code @Authenticated} > {@code @DenyAll}. An operation with none
 * of them is public (the services run with non-proactive authentication, so nothing else asks for a token).
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class RolesInDocument implements OASFilter {

    /** Prefixes of the first description line; the gateway's combined document recognises them. */
    public static final String ROLES = "**Roles:** ";
    public static final String PUBLIC = "**Public:** no token";
    public static final String ANY_USER = "any signed-in user; the service checks access to each object";

    /** Who may call one method: these roles, or any signed-in caller (no roles), or nobody (denied). */
    record Access(List<String> roles, boolean denied) {
        static final Access PUBLIC = new Access(List.of("<public>"), false);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, Optional<Access>> access = scanResources();
        String scheme = openAPI.getComponents() != null && openAPI.getComponents().getSecuritySchemes() != null
                && !openAPI.getComponents().getSecuritySchemes().isEmpty()
                ? openAPI.getComponents().getSecuritySchemes().keySet().iterator().next() : "SecurityScheme";
        for (var path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                String key = op.getKey().name() + " " + path.getKey();
                Optional<Access> found = access.get(key);
                if (found == null) {
                    // added by a filter (the tus PATCH) or not a resource method: say what its security says
                    found = fromSecurity(op.getValue());
                }
                state(op.getValue(), found, scheme);
            }
        }
    }

    private static Optional<Access> fromSecurity(Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            return Optional.empty();
        }
        // the roles a filter wrote as the scopes of its requirement (the tus PATCH names them)
        List<String> roles = operation.getSecurity().get(0).getSchemes() == null ? List.of()
                : operation.getSecurity().get(0).getSchemes().values().stream().filter(java.util.Objects::nonNull)
                        .flatMap(List::stream).distinct().toList();
        return Optional.of(new Access(roles, false));
    }

    private static void state(Operation operation, Optional<Access> access, String scheme) {
        String line;
        if (access.isEmpty()) {
            line = PUBLIC;
        } else if (access.get().denied()) {
            line = ROLES + "none (denied to every caller)";
        } else if (access.get().roles().isEmpty()) {
            line = ROLES + ANY_USER;
        } else {
            line = ROLES + String.join(", ", access.get().roles());
        }
        if (access.isPresent()) {
            SecurityRequirement requirement = OASFactory.createSecurityRequirement();
            requirement.addScheme(scheme, access.get().roles());
            operation.setSecurity(List.of(requirement));
        }
        String description = operation.getDescription();
        if (description != null && (description.startsWith(ROLES) || description.startsWith(PUBLIC))) {
            return;
        }
        operation.setDescription(description == null || description.isBlank() ? line : line + "\n\n" + description);
    }

    /** "GET /api/v1/cases/{caseId}" -> who may call it, over every REST resource bean of the application. */
    static Map<String, Optional<Access>> scanResources() {
        Map<String, Optional<Access>> found = new HashMap<>();
        var container = Arc.container();
        if (container == null) {
            return found;
        }
        for (Bean<?> bean : container.beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String verb = httpMethod(method);
                if (verb == null) {
                    continue;
                }
                Path methodPath = method.getAnnotation(Path.class);
                String full = join(classPath.value(), methodPath == null ? "" : methodPath.value());
                Access access = access(method);
                if (access == null) {
                    access = access(type);
                }
                found.put(verb + " " + full, access == null || access == Access.PUBLIC ? Optional.empty() : Optional.of(access));
            }
        }
        return found;
    }

    /** null when the element says nothing (the class may), {@link Access#PUBLIC} for {@code @PermitAll}. */
    private static Access access(AnnotatedElement element) {
        RolesAllowed roles = element.getAnnotation(RolesAllowed.class);
        if (roles != null) {
            return new Access(List.of(roles.value()), false);
        }
        if (element.isAnnotationPresent(PermitAll.class)) {
            return Access.PUBLIC;
        }
        if (element.isAnnotationPresent(Authenticated.class)) {
            return new Access(List.of(), false);
        }
        if (element.isAnnotationPresent(DenyAll.class)) {
            return new Access(List.of(), true);
        }
        return null;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value().toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** Class and method paths as SmallRye writes them: one slash between, none at the end, {name: regex} -> {name}. */
    static String join(String classPath, String methodPath) {
        String joined = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/");
        if (joined.length() > 1 && joined.endsWith("/")) {
            joined = joined.substring(0, joined.length() - 1);
        }
        return joined.replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}");
    }
}
