package io.consilium.platform.http;

import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;

import jakarta.ws.rs.core.EntityTag;

import java.util.List;
import java.util.OptionalLong;

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

    /** The version named by an {@code If-Match} header; empty when the header is absent or {@code *}. */
    public static OptionalLong parseIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return OptionalLong.empty();
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return OptionalLong.of(Long.parseLong(tag));
        } catch (NumberFormatException e) {
            throw new ProblemException.InvalidRequest("If-Match is not an entity tag of this API",
                    List.of(new Violation("If-Match", "must be an entity tag such as \"3\"")));
        }
    }

    /** Refuses with 412 when {@code If-Match} names another version than the current one. */
    public static void checkIfMatch(String ifMatch, long currentVersion) {
        OptionalLong expected = parseIfMatch(ifMatch);
        if (expected.isPresent() && expected.getAsLong() != currentVersion) {
            throw new ProblemException.PreconditionFailed(
                    "If-Match names version " + expected.getAsLong() + " but the current version is " + currentVersion);
        }
    }
}
