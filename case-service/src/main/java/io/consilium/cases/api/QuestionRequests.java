package io.consilium.cases.api;

import io.consilium.cases.domain.AgeBand;
import io.consilium.cases.domain.QuestionEdit;
import io.consilium.cases.domain.ReasonCode;
import io.consilium.cases.domain.Sex;
import io.consilium.cases.domain.StandardQuestion;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** Bodies of the question and brief steps (issue 12), validated at the edge with the intake's bounds. */
public final class QuestionRequests {

    private QuestionRequests() {
    }

    @Schema(description = "The case's reasons and questions as they should be from now on (a full replacement)")
    public record Questions(
            @Schema(description = "Why a second opinion is asked", examples = "[\"CONFIRM_DIAGNOSIS\", \"BEST_TREATMENT_OPTIONS\"]")
            @NotEmpty @Size(max = 8) List<@NotNull ReasonCode> reasons,
            @Schema(description = "The standard questions the reports must answer", examples = "[\"DIAGNOSIS_CORRECT\", \"ALTERNATIVES\"]")
            @Size(max = 8) List<@NotNull StandardQuestion> questions,
            @Schema(description = "The patient's own questions: with the id of one the case has to keep (or rewrite) it, "
                    + "without an id to add one; a question left out is removed")
            @Size(max = 20) List<@NotNull @Valid OwnQuestion> ownQuestions) {

        List<StandardQuestion> codes() {
            return questions == null ? List.of() : questions;
        }

        List<QuestionEdit.Draft> drafts() {
            return ownQuestions == null ? List.of()
                    : ownQuestions.stream().map(q -> new QuestionEdit.Draft(q.id(), q.text())).toList();
        }
    }

    public record OwnQuestion(
            @Schema(description = "Id of a question of the case; left out for a new one") UUID id,
            @Schema(examples = "Will the eczema cream affect my asthma inhaler?")
            @NotBlank @Size(max = 1000) String text) {
    }

    public record Translation(
            @Schema(description = "ISO 639-1 language of the translation (the specialists'), not the patient's own", examples = "en")
            @NotBlank @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code such as en") String language,
            @Schema(examples = "Does the eczema cream interfere with my asthma inhaler?")
            @NotBlank @Size(max = 1000) String text) {
    }

    @Schema(description = "What the personal doctor tells the specialists beyond the intake; each part optional")
    public record Background(
            @Schema(description = "The history as the personal doctor summarises it for the specialists",
                    examples = "Atopic dermatitis since childhood, flares every winter; mild asthma on inhaled steroids.")
            @Size(max = 8000) String history,
            @Schema(examples = "AGE_40_59") AgeBand ageBand,
            @Schema(examples = "MALE") Sex sex) {
    }
}
