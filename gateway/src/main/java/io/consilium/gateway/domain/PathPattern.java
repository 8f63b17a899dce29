package io.consilium.gateway.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A path pattern of the route table: literal segments, {@code *} for exactly one segment and a final {@code **} for
 * whatever follows (nothing included). {@code /api/v1/cases/* /documents/**} matches
 * {@code /api/v1/cases/42/documents} and {@code /api/v1/cases/42/documents/7/content}.
 * <p>
 * Specificity decides between patterns that both match: more literal segments first, then fewer wildcards, then a
 * pattern without {@code **}. So {@code /api/v1/cases/* /panel} (specialist-service) wins over
 * {@code /api/v1/cases/**} (case-service) for {@code /api/v1/cases/42/panel}.
 */
public record PathPattern(String text, List<String> segments, boolean rest) {

    public static PathPattern parse(String text) {
        if (text == null || !text.startsWith("/") || text.contains("//") || text.contains("?")) {
            throw new IllegalArgumentException("A route path must start with / and hold no empty segment or query: " + text);
        }
        List<String> segments = new ArrayList<>(split(text));
        boolean rest = !segments.isEmpty() && segments.get(segments.size() - 1).equals("**");
        if (rest) {
            segments.remove(segments.size() - 1);
        }
        if (segments.contains("**")) {
            throw new IllegalArgumentException("** may only end a route path: " + text);
        }
        return new PathPattern(text, List.copyOf(segments), rest);
    }

    public boolean matches(List<String> path) {
        if (rest ? path.size() < segments.size() : path.size() != segments.size()) {
            return false;
        }
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (!segment.equals("*") && !segment.equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Larger is more specific (see the class comment). */
    public long specificity() {
        long literals = segments.stream().filter(s -> !s.equals("*")).count();
        long wildcards = segments.size() - literals;
        return literals * 10_000 - wildcards * 10 + (rest ? 0 : 1);
    }

    /** The path's segments; an empty path and "/" have none. A trailing slash adds no segment. */
    public static List<String> split(String path) {
        List<String> segments = new ArrayList<>();
        int start = 1;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            if (end > start) {
                segments.add(path.substring(start, end));
            } else if (end < path.length()) {
                // an empty segment in the middle ("//"): kept, so it can never equal a literal segment
                segments.add("");
            }
            start = end + 1;
        }
        return segments;
    }
}
