package io.consilium.platform.http;

import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;

import jakarta.ws.rs.core.EntityTag;

import java.util.List;

/**
 * Entity versions as HTTP entity tags: an answer carries {@code ETag: "7"}, an update may send
 * {@code If-Match: "7"} and gets 412 when the object has moved on.
 */
public final class EntityTags {

    private EntityTags() {
    }

    /** The ETag of an entity version, for {@code Response.ResponseBuilder#tag}. */
    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * Whether {@code If-Match} lets a change of the current version through, by RFC 9110's strong comparison:
     * absent (no precondition) or {@code *} (the object exists), or a list naming {@code "<current version>"}. A
     * weak tag ({@code W/"3"}) never matches, so a list of only weak tags fails the precondition.
     *
     * @throws ProblemException.InvalidRequest when the header is not a list of this API's entity tags
     */
    public static boolean matches(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return true;
        }
        String current = Long.toString(currentVersion);
        boolean matched = false;
        for (String element : ifMatch.split(",", -1)) {
            String tag = element.trim();
            if (tag.equals("*")) {
                matched = true;
                continue;
            }
            boolean weak = tag.startsWith("W/");
            String opaque = weak ? tag.substring(2) : tag;
            if (opaque.length() < 3 || !opaque.startsWith("\"") || !opaque.endsWith("\"")
                    || !opaque.substring(1, opaque.length() - 1).chars().allMatch(Character::isDigit)) {
                throw new ProblemException.InvalidRequest("If-Match is not a list of entity tags of this API",
                        List.of(new Violation("If-Match", "must be * or entity tags such as \"3\" (comma-separated)")));
            }
            matched |= !weak && opaque.substring(1, opaque.length() - 1).equals(current);
        }
        return matched;
    }

    /** Refuses with 412 when {@code If-Match} does not let a change of the current version through. */
    public static void checkIfMatch(String ifMatch, long currentVersion) {
        if (!matches(ifMatch, currentVersion)) {
            throw new ProblemException.PreconditionFailed("If-Match does not name the current version "
                    + currentVersion + " (strong comparison: weak tags never match)");
        }
    }
}
