package io.consilium.gateway.domain;

import io.consilium.platform.openapi.RolesInDocument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The gateway's one OpenAPI document, merged from its own and the services' documents (Jackson trees, as served on
 * {@code /q/openapi?format=json}):
 * <ul>
 *     <li>servers: only the gateway;</li>
 *     <li>paths: every operation of a service under the gateway path that reaches it ({@link PublicPaths}); one no
 *     route reaches is left out and listed in {@code x-consilium-unrouted}; the gateway's own as they are;</li>
 *     <li>tags: prefixed with the source ({@code case-service: Cases}), the top-level list source by source (their
 *     descriptions kept), and one {@code x-tagGroups} entry per source;</li>
 *     <li>every operation's description begins with who may call it ({@code **Roles:** ops}), from the line the
 *     platform writes, else from its security requirement (the roles are its scopes);</li>
 *     <li>components: the same name with the same content kept once (the platform's {@code Problem}, the JWT
 *     {@code SecurityScheme}); the same name with other content renamed {@code <service>.<name>}, and every
 *     {@code $ref} of that service rewritten. Example values are copied untouched.</li>
 * </ul>
 * Sources are merged in the order given; where two could claim a name, the earlier keeps it.
 */
public final class OpenApiMerge {

    public static final String GATEWAY = "gateway";
    /** The platform's own wording (every service states its roles with it), so a line it wrote is recognised. */
    public static final String ROLES = RolesInDocument.ROLES;
    public static final String PUBLIC = RolesInDocument.PUBLIC;
    public static final String ANY_USER = RolesInDocument.ANY_USER;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    /** Values that are data, not document structure (an Example's value too): never searched for {@code $ref}. */
    private static final Set<String> DATA = Set.of("example", "default", "enum", "const", "value", "externalValue");
    /** Maps whose every value is a schema, whatever its key (a property may be called "example"). */
    private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "$defs", "dependentSchemas");

    /** A service's document; {@code stale} when it is the last good one of a service that no longer answers. */
    public record Source(String service, JsonNode document, boolean stale) {
    }

    /** An operation of a service that no route of the gateway reaches. */
    public record Unrouted(String service, String method, String path) {
    }

    public record Merged(ObjectNode document, List<Unrouted> unrouted) {
    }

    private OpenApiMerge() {
    }

    /**
     * @param gateway  the gateway's own document (its paths are gateway paths already); may be null
     * @param services the services' documents, in the order their tag groups are to appear
     * @param missing  services whose document was never fetched (named in the result)
     */
    public static Merged merge(JsonNode gateway, List<Source> services, List<String> missing, String serverUrl,
                               PublicPaths paths) {
        ObjectNode out = NODES.objectNode();
        out.put("openapi", gateway != null && gateway.path("openapi").isTextual() ? gateway.get("openapi").asText() : "3.1.0");
        ObjectNode info = out.putObject("info");
        info.put("title", "Consilium API");
        info.put("version", gateway != null && gateway.path("info").path("version").isTextual()
                ? gateway.path("info").path("version").asText() : "0.1.0");
        out.putArray("servers").addObject().put("url", serverUrl).put("description", "The gateway");
        ArrayNode tags = out.putArray("tags");
        ObjectNode outPaths = out.putObject("paths");
        ObjectNode components = out.putObject("components");
        ArrayNode groups = out.putArray("x-tagGroups");
        List<Unrouted> unrouted = new ArrayList<>();
        Set<String> operationIds = new LinkedHashSet<>();

        List<Source> sources = new ArrayList<>();
        if (gateway != null) {
            sources.add(new Source(GATEWAY, gateway, false));
        }
        sources.addAll(services);
        for (Source source : sources) {
            boolean own = source.service().equals(GATEWAY);
            JsonNode doc = source.document();
            Renames renames = renames(components, doc.path("components"), source.service());
            copyComponents(components, doc.path("components"), renames);

            Map<String, JsonNode> declared = new LinkedHashMap<>();
            doc.path("tags").forEach(tag -> declared.put(tag.path("name").asText(), tag));
            Set<String> used = new LinkedHashSet<>();
            JsonNode documentSecurity = doc.get("security");

            for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                Optional<String> publicPath = own ? Optional.of(path.getKey()) : paths.of(source.service(), path.getKey());
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    if (!METHODS.contains(op.getKey())) {
                        continue;
                    }
                    ObjectNode item = publicPath.map(p -> pathItem(outPaths, p, path.getValue(), renames)).orElse(null);
                    if (item == null || item.has(op.getKey())) {
                        // no route, or a path the gateway (or an earlier service) answers itself
                        unrouted.add(new Unrouted(source.service(), op.getKey().toUpperCase(Locale.ROOT), path.getKey()));
                        continue;
                    }
                    ObjectNode operation = (ObjectNode) rewrite(op.getValue().deepCopy(), renames);
                    operation.remove("servers");
                    if (!operation.has("security") && documentSecurity != null) {
                        operation.set("security", documentSecurity.deepCopy());
                    }
                    renameSchemes(operation, renames);
                    prefixTags(operation, source.service(), used);
                    stateRoles(operation);
                    if (operation.path("operationId").isTextual() && !operationIds.add(operation.get("operationId").asText())) {
                        String id = source.service() + "." + operation.get("operationId").asText();
                        operation.put("operationId", id);
                        operationIds.add(id);
                    }
                    item.set(op.getKey(), operation);
                }
            }
            ArrayNode groupTags = NODES.arrayNode();
            Set<String> ordered = new LinkedHashSet<>();
            declared.keySet().forEach(name -> {
                if (used.contains(prefixed(source.service(), name))) {
                    ordered.add(name);
                }
            });
            used.forEach(name -> ordered.add(name.substring(source.service().length() + 2)));
            for (String name : ordered) {
                ObjectNode tag = declared.containsKey(name) ? declared.get(name).deepCopy() : NODES.objectNode();
                tag.put("name", prefixed(source.service(), name));
                tags.add(tag);
                groupTags.add(prefixed(source.service(), name));
            }
            if (!groupTags.isEmpty()) {
                groups.addObject().put("name", source.service()).set("tags", groupTags);
            }
        }
        // empty path items: every operation of the path was unrouted or claimed
        List<String> empty = new ArrayList<>();
        outPaths.fields().forEachRemaining(e -> {
            boolean any = false;
            for (Iterator<String> names = e.getValue().fieldNames(); names.hasNext(); ) {
                any |= METHODS.contains(names.next());
            }
            if (!any) {
                empty.add(e.getKey());
            }
        });
        outPaths.remove(empty);

        info.put("description", description(services, missing));
        List<String> stale = services.stream().filter(Source::stale).map(Source::service).toList();
        if (!missing.isEmpty()) {
            ArrayNode list = out.putArray("x-consilium-missing-services");
            missing.forEach(list::add);
        }
        if (!stale.isEmpty()) {
            ArrayNode list = out.putArray("x-consilium-stale-services");
            stale.forEach(list::add);
        }
        ArrayNode unroutedList = out.putArray("x-consilium-unrouted");
        unrouted.forEach(u -> unroutedList.addObject().put("service", u.service()).put("method", u.method()).put("path", u.path()));
        return new Merged(out, List.copyOf(unrouted));
    }

    private static String description(List<Source> services, List<String> missing) {
        StringBuilder text = new StringBuilder("The whole Consilium API as clients reach it through the gateway: the "
                + "gateway's own operations (its aggregates and dead letters)");
        if (!services.isEmpty()) {
            text.append(" combined with the OpenAPI documents of ")
                    .append(String.join(", ", services.stream().map(Source::service).toList()));
        }
        text.append(", each operation under its gateway path. Tags are grouped by service; every operation's "
                + "description begins with who may call it.");
        List<String> stale = services.stream().filter(Source::stale).map(Source::service).toList();
        if (!stale.isEmpty()) {
            text.append(" Not answering now, shown as last fetched: ").append(String.join(", ", stale)).append('.');
        }
        if (!missing.isEmpty()) {
            text.append(" Missing: ").append(String.join(", ", missing))
                    .append(" (no document fetched yet; the gateway asks again on every refresh).");
        }
        return text.toString();
    }

    private static String prefixed(String service, String tag) {
        return service + ": " + tag;
    }

    private static void prefixTags(ObjectNode operation, String service, Set<String> used) {
        ArrayNode tags = NODES.arrayNode();
        if (operation.path("tags").isArray() && !operation.get("tags").isEmpty()) {
            operation.get("tags").forEach(tag -> tags.add(prefixed(service, tag.asText())));
        } else {
            tags.add(prefixed(service, "Other"));
        }
        tags.forEach(tag -> used.add(tag.asText()));
        operation.set("tags", tags);
    }

    /** The first description line saying who may call the operation, unless the service wrote one. */
    static void stateRoles(ObjectNode operation) {
        String description = operation.path("description").asText("");
        if (description.startsWith(ROLES) || description.startsWith(PUBLIC)) {
            return;
        }
        operation.put("description", description.isBlank() ? rolesLine(operation.get("security"))
                : rolesLine(operation.get("security")) + "\n\n" + description);
    }

    private static String rolesLine(JsonNode security) {
        if (security == null || !security.isArray() || security.isEmpty()) {
            return PUBLIC;
        }
        Set<String> roles = new LinkedHashSet<>();
        for (JsonNode requirement : security) {
            if (requirement.isEmpty()) {
                return PUBLIC; // {} among the alternatives: a token is optional
            }
            requirement.elements().forEachRemaining(scopes -> scopes.forEach(scope -> roles.add(scope.asText())));
        }
        return ROLES + (roles.isEmpty() ? ANY_USER : String.join(", ", roles));
    }

    private static ObjectNode pathItem(ObjectNode outPaths, String path, JsonNode source, Renames renames) {
        if (outPaths.has(path)) {
            return (ObjectNode) outPaths.get(path);
        }
        ObjectNode item = outPaths.putObject(path);
        source.fields().forEachRemaining(field -> {
            if (!METHODS.contains(field.getKey()) && !field.getKey().equals("servers")) {
                item.set(field.getKey(), rewrite(field.getValue().deepCopy(), renames));
            }
        });
        return item;
    }

    // ---- components ----------------------------------------------------------------------------------------------

    /** New names of one source's components, by component type ({@code schemas}, {@code securitySchemes}, ...). */
    private record Renames(Map<String, Map<String, String>> byType, Map<String, String> refs) {
        String name(String type, String name) {
            return byType.getOrDefault(type, Map.of()).getOrDefault(name, name);
        }
    }

    /**
     * A component is renamed when the merged document has one of that name with other content. Repeated until
     * nothing changes: a schema that looks the same but refers to one that was renamed differs after all.
     */
    private static Renames renames(ObjectNode merged, JsonNode components, String service) {
        Map<String, Map<String, String>> byType = new HashMap<>();
        Map<String, String> refs = new HashMap<>();
        Renames renames = new Renames(byType, refs);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Iterator<Map.Entry<String, JsonNode>> types = components.fields(); types.hasNext(); ) {
                Map.Entry<String, JsonNode> type = types.next();
                JsonNode existing = merged.path(type.getKey());
                for (Iterator<Map.Entry<String, JsonNode>> it = type.getValue().fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> component = it.next();
                    String name = component.getKey();
                    if (byType.getOrDefault(type.getKey(), Map.of()).containsKey(name) || !existing.has(name)) {
                        continue;
                    }
                    if (!rewrite(component.getValue().deepCopy(), renames).equals(existing.get(name))) {
                        String renamed = freeName(merged.path(type.getKey()), type.getValue(), service + "." + name);
                        byType.computeIfAbsent(type.getKey(), k -> new HashMap<>()).put(name, renamed);
                        refs.put("#/components/" + type.getKey() + "/" + name, "#/components/" + type.getKey() + "/" + renamed);
                        changed = true;
                    }
                }
            }
        }
        return renames;
    }

    private static String freeName(JsonNode merged, JsonNode own, String wanted) {
        String name = wanted;
        for (int i = 2; merged.has(name) || own.has(name); i++) {
            name = wanted + "_" + i;
        }
        return name;
    }

    private static void copyComponents(ObjectNode merged, JsonNode components, Renames renames) {
        components.fields().forEachRemaining(type -> {
            if (!type.getValue().isObject()) {
                return;
            }
            ObjectNode target = merged.has(type.getKey()) ? (ObjectNode) merged.get(type.getKey()) : merged.putObject(type.getKey());
            type.getValue().fields().forEachRemaining(component -> {
                String name = renames.name(type.getKey(), component.getKey());
                if (!target.has(name)) {
                    target.set(name, rewrite(component.getValue().deepCopy(), renames));
                }
            });
        });
    }

    private static void renameSchemes(ObjectNode operation, Renames renames) {
        JsonNode security = operation.get("security");
        if (security == null || !security.isArray()) {
            return;
        }
        ArrayNode renamed = NODES.arrayNode();
        for (JsonNode requirement : security) {
            ObjectNode copy = renamed.addObject();
            requirement.fields().forEachRemaining(e -> copy.set(renames.name("securitySchemes", e.getKey()), e.getValue()));
        }
        operation.set("security", renamed);
    }

    /** Rewrites the {@code $ref}s (and discriminator mappings) of a copied subtree in place; data values untouched. */
    private static JsonNode rewrite(JsonNode node, Renames renames) {
        if (renames.refs().isEmpty()) {
            return node;
        }
        if (node.isArray()) {
            node.forEach(element -> rewrite(element, renames));
            return node;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode object = (ObjectNode) node;
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode value = object.get(name);
            if (name.equals("$ref") && value.isTextual()) {
                object.put(name, renames.refs().getOrDefault(value.asText(), value.asText()));
            } else if (DATA.contains(name)) {
                continue;
            } else if (name.equals("examples")) {
                // a schema's examples are values; a media type's or parameter's are Example objects or $refs to them
                if (value.isObject()) {
                    value.elements().forEachRemaining(example -> {
                        if (example.path("$ref").isTextual()) {
                            ((ObjectNode) example).put("$ref", renames.refs().getOrDefault(example.get("$ref").asText(),
                                    example.get("$ref").asText()));
                        }
                    });
                }
            } else if (name.equals("mapping") && value.isObject()) {
                ObjectNode mapping = (ObjectNode) value;
                List<String> keys = new ArrayList<>();
                mapping.fieldNames().forEachRemaining(keys::add);
                keys.forEach(key -> mapping.put(key, renames.refs().getOrDefault(mapping.get(key).asText(), mapping.get(key).asText())));
            } else if (SCHEMA_MAPS.contains(name) && value.isObject()) {
                value.elements().forEachRemaining(schema -> rewrite(schema, renames));
            } else {
                rewrite(value, renames);
            }
        }
        return node;
    }
}
