package io.consilium.cases.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A valid intake body, as a mutable map so a test can break exactly one thing. */
public final class Intakes {

    private Intakes() {
    }

    public static Map<String, Object> valid(String memberId) {
        Map<String, Object> body = new HashMap<>();
        body.put("memberId", memberId);
        body.put("patient", new HashMap<>(Map.of(
                "name", "Ana Ruiz",
                "email", "ana@example.org",
                "phone", "+34 600 000 000",
                "preferredLanguage", "es",
                "countryOfResidence", "ES")));
        body.put("reasons", List.of("CONFIRM_DIAGNOSIS", "SURGERY_OR_LIFELONG_CONSEQUENCES"));
        body.put("diagnosis", new HashMap<>(Map.of("text", "Localised prostate cancer, Gleason 7", "icd10Code", "C61")));
        body.put("proposedTreatment", "Radical prostatectomy");
        body.put("treatingDoctor", Map.of("name", "Dr. Perez", "institution", "Hospital Central", "country", "ES"));
        body.put("requestedSpecialty", "urology");
        body.put("urgency", "ROUTINE");
        body.put("questions", List.of("DIAGNOSIS_CORRECT", "ALTERNATIVES", "SURGERY_NECESSARY"));
        body.put("otherQuestions", List.of("Can I keep working during treatment?"));
        return body;
    }
}
