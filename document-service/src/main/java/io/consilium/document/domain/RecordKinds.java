package io.consilium.document.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One vocabulary for checklist item codes, so a plan's default items and the personal doctor's requests merge
 * instead of standing side by side (LAB_RESULT beside LAB_RESULTS). Codes outside the vocabulary are the doctor's
 * own and stay as given (upper-cased); codes of the vocabulary, their singular or plural twin and the listed
 * synonyms become the vocabulary's code.
 */
public final class RecordKinds {

    /** The codes the specialty templates use, and what uploads ({@link DocumentKind}) and specimens map onto. */
    public static final Set<String> CODES = Set.of("MEDICAL_REPORT", "LAB_RESULTS", "IMAGING", "PATHOLOGY_REPORT",
            "TREATMENT_HISTORY", "ECG", "PHOTO", "SPECIMEN");

    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("LAB", "LAB_RESULTS"),
            Map.entry("LABS", "LAB_RESULTS"),
            Map.entry("LABORATORY_RESULTS", "LAB_RESULTS"),
            Map.entry("LAB_REPORT", "LAB_RESULTS"),
            Map.entry("BLOOD_TESTS", "LAB_RESULTS"),
            Map.entry("IMAGING_STUDY", "IMAGING"),
            Map.entry("IMAGING_STUDIES", "IMAGING"),
            Map.entry("RADIOLOGY", "IMAGING"),
            Map.entry("PATHOLOGY", "PATHOLOGY_REPORT"),
            Map.entry("HISTOLOGY_REPORT", "PATHOLOGY_REPORT"),
            Map.entry("BIOPSY_REPORT", "PATHOLOGY_REPORT"),
            Map.entry("MEDICAL_RECORD", "MEDICAL_REPORT"),
            Map.entry("DOCTOR_REPORT", "MEDICAL_REPORT"),
            Map.entry("TREATMENT", "TREATMENT_HISTORY"),
            Map.entry("MEDICATION_HISTORY", "TREATMENT_HISTORY"),
            Map.entry("ELECTROCARDIOGRAM", "ECG"),
            Map.entry("EKG", "ECG"),
            Map.entry("SPECIMENS", "SPECIMEN"),
            Map.entry("BIOPSY_SPECIMEN", "SPECIMEN"));

    private RecordKinds() {
    }

    /** The vocabulary's code for what was asked; an unknown code unchanged (trimmed, upper case). */
    public static String normalise(String code) {
        String c = code.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (CODES.contains(c)) {
            return c;
        }
        String synonym = SYNONYMS.get(c);
        if (synonym != null) {
            return synonym;
        }
        if (CODES.contains(c + "S")) {
            return c + "S";
        }
        if (c.endsWith("S") && CODES.contains(c.substring(0, c.length() - 1))) {
            return c.substring(0, c.length() - 1);
        }
        return c;
    }
}
