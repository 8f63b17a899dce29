package io.consilium.specialist.consumers;

import io.consilium.specialist.domain.BriefContent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.List;

/** The fields of {@code consilium.case.brief-changed.v1} this service reads (the whole brief). */
public record BriefChanged(@NotBlank String requestedSpecialty, @NotBlank String urgency, String patientLanguage,
                           @NotNull List<String> reasons, @NotNull List<@NotNull @Valid Question> questions,
                           String diagnosisText, String diagnosisIcd10, String proposedTreatment, String history,
                           String treatingInstitution, String ageBand, String sex, @NotNull Instant changedAt) {

    public record Question(@NotBlank String questionId, @NotBlank String kind, String text, String language,
                           String translation, String translationLanguage) {
    }

    BriefContent content() {
        return new BriefContent(requestedSpecialty, urgency, patientLanguage, List.copyOf(reasons),
                questions.stream().map(q -> new BriefContent.Question(q.questionId(), q.kind(), q.text(), q.language(),
                        q.translation(), q.translationLanguage())).toList(),
                diagnosisText, diagnosisIcd10, proposedTreatment, history, treatingInstitution, ageBand, sex);
    }
}
