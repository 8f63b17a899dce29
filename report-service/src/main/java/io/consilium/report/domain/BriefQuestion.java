package io.consilium.report.domain;

/**
 * One question of the specialists' brief. {@code kind} STANDARD: {@code questionId} is the code (no text); OWN: the
 * patient's own question, {@code questionId} its id, {@code text} in the patient's words ({@code language}) and the
 * personal doctor's {@code translation} beside it, if any. A report answers it under {@code questionCode} =
 * {@code questionId}.
 */
public record BriefQuestion(String questionId, String kind, String text, String language, String translation,
                            String translationLanguage) {
}
