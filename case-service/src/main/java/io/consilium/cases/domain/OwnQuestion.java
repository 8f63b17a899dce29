package io.consilium.cases.domain;

import java.util.UUID;

/**
 * A question in the patient's own words. The id stays when the patient rewrites it, so a report answers "this
 * question" and not a position in a list. {@code translation} is the personal doctor's, in
 * {@code translationLanguage}, kept beside the original (never instead of it); a rewrite drops it, since it no
 * longer says what the patient now asks.
 */
public record OwnQuestion(UUID id, String text, String translation, String translationLanguage) {

    public static OwnQuestion asked(String text) {
        return new OwnQuestion(UUID.randomUUID(), text, null, null);
    }

    OwnQuestion rewritten(String newText) {
        return newText.equals(text) ? this : new OwnQuestion(id, newText, null, null);
    }

    OwnQuestion translated(String language, String translationText) {
        return new OwnQuestion(id, text, translationText, language);
    }
}
