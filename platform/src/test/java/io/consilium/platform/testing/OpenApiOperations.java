package io.consilium.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operations of a service's own OpenAPI document ({@code /q/openapi?format=json}) as {@link ApiProbe} needs
 * them: method, path template, path and query parameters, and for a JSON body a sample built from its schema
 * ({@code $ref}s into {@code components/schemas} resolved) with the location of every string in it.
 */
final class OpenApiOperations {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** A path, query or header parameter; {@code schema} resolved. */
    record Param(String name, JsonNode schema, boolean required) {
        boolean isUuid() {
            return "uuid".equals(schema.path("format").asText());
        }
    }

    /**
     * One string of a sample body: where it is ({@code path}: field names and array indexes), the name the
     * platform's problem uses for it ({@code patient.name}, {@code reasons[0]}), and whether it is plain text
     * (no enum, no format such as uuid or date), which the input policy itself refuses, naming the field.
     */
    record StringField(List<Object> path, String name, boolean plainText, int maxLength) {
        StringField(List<Object> path, String name, boolean plainText) {
            this(path, name, plainText, -1);
        }
    }

    /** A request body: its media type, a valid-looking sample (JSON only, else null) and its strings. */
    record Body(String mediaType, JsonNode sample, List<StringField> strings, boolean required) {
        boolean json() {
            return sample != null;
        }

        /** The sample with one string replaced. */
        JsonNode with(StringField field, String value) {
            if (field.path().isEmpty()) {
                return NODES.textNode(value);
            }
            JsonNode copy = sample.deepCopy();
            JsonNode parent = copy;
            for (int i = 0; i < field.path().size() - 1; i++) {
                Object step = field.path().get(i);
                parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
            }
            Object last = field.path().get(field.path().size() - 1);
            if (last instanceof Integer index) {
                ((ArrayNode) parent).set(index, NODES.textNode(value));
            } else {
                ((ObjectNode) parent).put((String) last, value);
            }
            return copy;
        }
    }

    record Operation(String method, String path, List<Param> pathParams, List<Param> queryParams,
                     List<Param> headerParams, Body body) {
        String key() {
            return method + " " + path;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    private final JsonNode document;

    private OpenApiOperations(JsonNode document) {
        this.document = document;
    }

    static List<Operation> of(String json, Map<String, Object> sampleValues) {
        try {
            return new OpenApiOperations(JSON.readTree(json)).operations(sampleValues);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The OpenAPI document is not JSON", e);
        }
    }

    private List<Operation> operations(Map<String, Object> sampleValues) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                List<Param> pathParams = new ArrayList<>();
                List<Param> queryParams = new ArrayList<>();
                List<Param> headerParams = new ArrayList<>();
                List<JsonNode> declared = new ArrayList<>();
                path.getValue().path("parameters").forEach(declared::add);
                op.getValue().path("parameters").forEach(declared::add);
                for (JsonNode p : declared) {
                    p = resolve(p);
                    Param param = new Param(p.path("name").asText(), resolve(p.path("schema")), p.path("required").asBoolean());
                    switch (p.path("in").asText()) {
                        case "path" -> pathParams.add(param);
                        case "query" -> queryParams.add(param);
                        case "header" -> headerParams.add(param);
                        default -> {
                        }
                    }
                }
                operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), pathParams, queryParams,
                        headerParams, body(op.getValue().path("requestBody"), sampleValues)));
            }
        }
        return operations;
    }

    private Body body(JsonNode requestBody, Map<String, Object> sampleValues) {
        requestBody = resolve(requestBody);
        JsonNode content = requestBody.path("content");
        if (!content.isObject() || content.isEmpty()) {
            return null;
        }
        boolean required = requestBody.path("required").asBoolean(false);
        JsonNode json = content.get("application/json");
        if (json != null && !"binary".equals(resolve(json.path("schema")).path("format").asText())) {
            List<StringField> strings = new ArrayList<>();
            JsonNode sample = sample(json.path("schema"), new ArrayList<>(), "", strings, sampleValues, 0);
            return new Body("application/json", sample, strings, required);
        }
        String mediaType = content.fieldNames().next();
        return new Body(mediaType, null, List.of(), required);
    }

    /** Follows {@code $ref} (local ones only) and merges {@code allOf}; takes the first of {@code oneOf}/{@code anyOf}. */
    JsonNode resolve(JsonNode schema) {
        for (int hops = 0; schema != null && schema.has("$ref") && hops < 20; hops++) {
            String ref = schema.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("Only local $ref are resolved: " + ref);
            }
            JsonNode target = document.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw new IllegalStateException("Unresolvable $ref " + ref);
            }
            if (schema.size() > 1) {
                // sibling keywords (description, nullable...) next to the $ref: the target's win for the shape
                ObjectNode merged = ((ObjectNode) schema.deepCopy());
                merged.remove("$ref");
                merged.setAll((ObjectNode) target.deepCopy());
                target = merged;
            }
            schema = target;
        }
        if (schema == null) {
            return NODES.objectNode();
        }
        if (schema.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            ObjectNode properties = NODES.objectNode();
            ArrayNode required = NODES.arrayNode();
            for (JsonNode part : schema.get("allOf")) {
                JsonNode resolved = resolve(part);
                resolved.fields().forEachRemaining(e -> {
                    if (!e.getKey().equals("properties") && !e.getKey().equals("required")) {
                        merged.set(e.getKey(), e.getValue());
                    }
                });
                resolved.path("properties").fields().forEachRemaining(e -> properties.set(e.getKey(), e.getValue()));
                resolved.path("required").forEach(required::add);
            }
            schema.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("allOf")) {
                    merged.set(e.getKey(), e.getValue());
                }
            });
            if (!properties.isEmpty()) {
                merged.set("properties", properties);
            }
            if (!required.isEmpty()) {
                merged.set("required", required);
            }
            return merged;
        }
        for (String alternative : List.of("oneOf", "anyOf")) {
            if (schema.has(alternative)) {
                for (JsonNode option : schema.get(alternative)) {
                    JsonNode resolved = resolve(option);
                    if (!"null".equals(type(resolved))) {
                        return resolved;
                    }
                }
            }
        }
        return schema;
    }

    /** The schema's type; in OpenAPI 3.1 it may be a list such as ["string", "null"]. */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
            return "null";
        }
        if (type.isTextual()) {
            return type.asText();
        }
        if (schema.has("properties") || schema.has("additionalProperties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        if (schema.has("enum")) {
            return "string";
        }
        return "";
    }

    /**
     * A valid-looking value: every property (required or not, so every string is probed), enums their first value,
     * the schema's first example where it gives one (patterns), formats (uuid, date, date-time, email) a value of
     * that format, strings within their length limits, numbers within their bounds, arrays with their minimum
     * number of elements (at least one). {@code sampleValues} (by property name) win over all of that.
     */
    private JsonNode sample(JsonNode schema, List<Object> at, String name, List<StringField> strings,
                            Map<String, Object> sampleValues, int depth) {
        schema = resolve(schema);
        String property = at.isEmpty() || !(at.get(at.size() - 1) instanceof String s) ? null : s;
        if (property != null && sampleValues.containsKey(property)) {
            JsonNode given = JSON.valueToTree(sampleValues.get(property));
            String type = type(schema);
            if (given.isTextual() && "string".equals(type)) {
                strings.add(new StringField(List.copyOf(at), name, !schema.has("enum") && !schema.has("format"),
                        schema.path("maxLength").asInt(-1)));
            } else {
                collectStrings(given, at, name, strings);
            }
            return given;
        }
        if (depth > 12) {
            return NODES.nullNode();
        }
        String type = type(schema);
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    if (p.getValue().path("readOnly").asBoolean()) {
                        continue;
                    }
                    List<Object> next = new ArrayList<>(at);
                    next.add(p.getKey());
                    object.set(p.getKey(), sample(p.getValue(), next, name.isEmpty() ? p.getKey() : name + "." + p.getKey(),
                            strings, sampleValues, depth + 1));
                }
                JsonNode additional = schema.path("additionalProperties");
                if (schema.path("properties").isEmpty() && additional.isObject()) {
                    List<Object> next = new ArrayList<>(at);
                    next.add("probe");
                    object.set("probe", sample(additional, next, name.isEmpty() ? "probe" : name + ".probe",
                            strings, sampleValues, depth + 1));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int count = Math.max(1, schema.path("minItems").asInt(1));
                if (schema.has("examples") && schema.get("examples").get(0) != null && schema.get("examples").get(0).isArray()
                        && !schema.get("examples").get(0).isEmpty()) {
                    JsonNode example = schema.get("examples").get(0);
                    for (int i = 0; i < example.size(); i++) {
                        List<Object> next = new ArrayList<>(at);
                        next.add(i);
                        array.add(example.get(i));
                        collectStrings(example.get(i), next, name + "[" + i + "]", strings);
                    }
                    return array;
                }
                for (int i = 0; i < count; i++) {
                    List<Object> next = new ArrayList<>(at);
                    next.add(i);
                    array.add(sample(schema.path("items"), next, name + "[" + i + "]", strings, sampleValues, depth + 1));
                }
                return array;
            }
            case "integer", "number" -> {
                if (schema.has("examples") && schema.get("examples").get(0) != null && schema.get("examples").get(0).isNumber()) {
                    return schema.get("examples").get(0);
                }
                long value = schema.has("minimum") ? (long) Math.ceil(schema.get("minimum").asDouble()) : 1;
                if (schema.has("maximum") && value > schema.get("maximum").asDouble()) {
                    value = (long) Math.floor(schema.get("maximum").asDouble());
                }
                return NODES.numberNode(value);
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            case "string" -> {
                String format = schema.path("format").asText("");
                boolean enumerated = schema.has("enum");
                if (!"binary".equals(format) && !"byte".equals(format)) {
                    strings.add(new StringField(List.copyOf(at), name, !enumerated && format.isEmpty(),
                            schema.path("maxLength").asInt(-1)));
                }
                return NODES.textNode(sampleString(schema, format));
            }
            default -> {
                // untyped (an arbitrary JSON value): a string is as good as anything
                strings.add(new StringField(List.copyOf(at), name, false));
                return NODES.textNode("probe");
            }
        }
    }

    private static String sampleString(JsonNode schema, String format) {
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0).asText();
        }
        if (schema.has("examples") && schema.get("examples").get(0) != null && schema.get("examples").get(0).isTextual()) {
            return schema.get("examples").get(0).asText();
        }
        if (schema.has("example") && schema.get("example").isTextual()) {
            return schema.get("example").asText();
        }
        switch (format) {
            case "uuid" -> {
                return java.util.UUID.randomUUID().toString();
            }
            case "date" -> {
                return "2026-01-15";
            }
            case "date-time" -> {
                return "2026-01-15T09:00:00Z";
            }
            case "time", "local-time" -> {
                return "09:00:00";
            }
            case "duration" -> {
                return "PT1H";
            }
            case "email" -> {
                return "probe@example.org";
            }
            case "uri", "url" -> {
                return "https://example.org/probe";
            }
            default -> {
            }
        }
        String pattern = schema.path("pattern").asText("");
        if (!pattern.isEmpty() && !java.util.regex.Pattern.compile(pattern).matcher("probe").find() && pattern.matches("\\^?[A-Za-z0-9_-]+(\\|[A-Za-z0-9_-]+)*\\$?")) {
            // literal alternatives such as "ACCEPTED|REJECTED": the first
            return pattern.replaceAll("[\\^$]", "").split("\\|")[0];
        }
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        String value = "probe";
        while (value.length() < min) {
            value = value + "x";
        }
        return value.length() > max ? value.substring(0, Math.max(max, 1)) : value;
    }

    /** Strings inside a value given as is (an example or a sample value): all of them are probed. */
    private static void collectStrings(JsonNode value, List<Object> at, String name, List<StringField> strings) {
        if (value.isTextual()) {
            strings.add(new StringField(List.copyOf(at), name, false));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                List<Object> next = new ArrayList<>(at);
                next.add(i);
                collectStrings(value.get(i), next, name + "[" + i + "]", strings);
            }
        } else if (value.isObject()) {
            value.fields().forEachRemaining(e -> {
                List<Object> next = new ArrayList<>(at);
                next.add(e.getKey());
                collectStrings(e.getValue(), next, name.isEmpty() ? e.getKey() : name + "." + e.getKey(), strings);
            });
        }
    }
}
