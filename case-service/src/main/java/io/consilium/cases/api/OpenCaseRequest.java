package io.consilium.cases.api;

import io.consilium.cases.domain.Intake;
import io.consilium.cases.domain.ReasonCode;
import io.consilium.cases.domain.StandardQuestion;
import io.consilium.cases.domain.Urgency;
import io.consilium.platform.input.InputKind;
import io.consilium.platform.input.TextKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Intake of a new case. The tenant is never part of it: it comes from the caller's token. */
@Schema(description = "Intake of a second-opinion case")
public record OpenCaseRequest(
        @Schema(description = "The insurer's member id of the patient. Required for a partner; a patient may leave it out, "
                + "since their account names their member id (if sent, it must be that one).", examples = "M-100234")
        @Size(min = 1, max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "may only contain letters, digits and . _ : -")
        @InputKind(TextKind.NAME) String memberId,

        @Schema(description = "The patient's Consilium account (token subject). Optional and checked, never trusted: a "
                + "patient's case is theirs; for a partner it must be the account linked to the member in the partner's "
                + "tenant (else 422). Left out, the case reaches the member's account as soon as it is known.")
        @Size(max = 255)
        @InputKind(TextKind.NAME) String patientId,

        @NotNull @Valid
        Patient patient,

        @Schema(description = "Why a second opinion is asked", examples = "[\"CONFIRM_DIAGNOSIS\"]")
        @NotEmpty @Size(max = 8)
        List<@NotNull ReasonCode> reasons,

        @NotNull @Valid
        Diagnosis diagnosis,

        @Schema(description = "Treatment the treating doctor proposes", examples = "Radical prostatectomy")
        @Size(max = 2000)
        String proposedTreatment,

        @Valid
        TreatingDoctor treatingDoctor,

        @Schema(description = "Specialty the opinion is asked from, lower-case slug", examples = "urology")
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be a lower-case specialty slug such as urology")
        String requestedSpecialty,

        @NotNull
        Urgency urgency,

        @Schema(description = "Which of the standard questions the report must answer")
        @Size(max = 8)
        List<@NotNull StandardQuestion> questions,

        @Schema(description = "The patient's own questions")
        @Size(max = 20)
        List<@NotBlank @Size(max = 1000) String> otherQuestions) {

    public record Patient(
            @Size(max = 200) @InputKind(TextKind.NAME) String name,
            @Email @Size(max = 254) @InputKind(TextKind.NAME) String email,
            @Size(max = 40) @Pattern(regexp = "\\+?[0-9 ()-]{4,40}", message = "must be a phone number") String phone,
            @Schema(description = "ISO 639-1 language code", examples = "es")
            @NotBlank @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code such as en") String preferredLanguage,
            @Schema(description = "ISO 3166-1 alpha-2 country code", examples = "ES")
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as ES") String countryOfResidence) {
    }

    public record Diagnosis(
            @Schema(description = "The current diagnosis in words", examples = "Localised prostate cancer, Gleason 7")
            @NotBlank @Size(max = 2000) String text,
            @Schema(description = "ICD-10 code, optional", examples = "C61")
            @Pattern(regexp = "[A-TV-Z][0-9][0-9AB](\\.[0-9A-TV-Z]{1,4})?", message = "must be an ICD-10 code such as C61 or C50.9")
            String icd10Code) {
    }

    public record TreatingDoctor(
            @Size(max = 200) @InputKind(TextKind.NAME) String name,
            @Size(max = 200) @InputKind(TextKind.NAME) String institution,
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country) {
    }

    /** The intake as requested; the service establishes the member and the patient account from it. */
    Intake toIntake() {
        TreatingDoctor doctor = treatingDoctor != null ? treatingDoctor : new TreatingDoctor(null, null, null);
        return new Intake(memberId, patientId,
                new Intake.PatientContact(patient.name(), patient.email(), patient.phone(),
                        patient.preferredLanguage(), patient.countryOfResidence()),
                reasons, diagnosis.text(), diagnosis.icd10Code(), proposedTreatment,
                doctor.name(), doctor.institution(), doctor.country(), requestedSpecialty, urgency,
                questions == null ? List.of() : questions,
                otherQuestions == null ? List.of() : otherQuestions);
    }
}
