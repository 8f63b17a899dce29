package io.consilium.platform.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link ApiProbe}'s object check needs from a service's test: ids of real objects it created, keyed by path
 * parameter ({@code "caseId"}, or {@code "reports/{id}"} for a parameter whose name alone is ambiguous: the path
 * segment before it, then the parameter), the tokens of outsiders who must not see them (by role), and the
 * values of those objects that must never appear in an answer to an outsider (diagnosis text, names...).
 * <p>
 * Every path parameter of the document must be accounted for: either an id here, or {@link #notAnObject} with the
 * reason (a share-link token, a specialist's login subject...), so a new endpoint with a new kind of id makes the
 * probe fail until its test says how it is protected.
 */
public final class ProbeObjects {

    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Map<String, String> notObjects = new LinkedHashMap<>();
    private final Map<String, String> outsiders = new LinkedHashMap<>();
    private final List<String> secrets = new ArrayList<>();

    public static ProbeObjects create() {
        return new ProbeObjects();
    }

    /** A real object's id for the path parameter {@code key} ({@code "caseId"} or {@code "reports/{id}"}). */
    public ProbeObjects id(String key, String id) {
        ids.put(key, id);
        return this;
    }

    /** A path parameter that names no object an outsider could be refused (with the reason, shown in the report). */
    public ProbeObjects notAnObject(String key, String reason) {
        notObjects.put(key, reason);
        return this;
    }

    /** The token of a caller with {@code role} who must not see the objects. */
    public ProbeObjects outsider(String role, String token) {
        outsiders.put(role, token);
        return this;
    }

    /** A value of the objects that no answer to an outsider may contain. */
    public ProbeObjects secret(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                secrets.add(value);
            }
        }
        return this;
    }

    Map<String, String> outsiders() {
        return outsiders;
    }

    List<String> secrets() {
        return secrets;
    }

    /** The id for a parameter of a path: by "segment/{name}" first, then by name. */
    Optional<String> idFor(String path, String name) {
        return Optional.ofNullable(ids.getOrDefault(qualified(path, name), ids.get(name)));
    }

    Optional<String> whyNotAnObject(String path, String name) {
        return Optional.ofNullable(notObjects.getOrDefault(qualified(path, name), notObjects.get(name)));
    }

    static String qualified(String path, String name) {
        String placeholder = "{" + name + "}";
        int at = path.indexOf("/" + placeholder);
        if (at < 0) {
            return name;
        }
        String before = path.substring(0, at);
        return before.substring(before.lastIndexOf('/') + 1) + "/" + placeholder;
    }
}
