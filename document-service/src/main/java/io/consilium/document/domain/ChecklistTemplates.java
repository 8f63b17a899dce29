package io.consilium.document.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The records a second opinion needs by requested specialty (lower-case slug, as in case-service's
 * {@code requestedSpecialty}); any other specialty gets {@link #DEFAULT}. All template items are required.
 */
public final class ChecklistTemplates {

    public record Template(String code, String label) {
    }

    public static final List<Template> DEFAULT = List.of(
            new Template("MEDICAL_REPORT", "Medical report from the treating doctor"),
            new Template("LAB_RESULTS", "Recent laboratory results"));

    private static final Map<String, List<Template>> BY_SPECIALTY = Map.of(
            "oncology", List.of(
                    new Template("PATHOLOGY_REPORT", "Pathology report"),
                    new Template("IMAGING", "Imaging studies (CT, MRI, PET)"),
                    new Template("TREATMENT_HISTORY", "Treatment history")),
            "urology", List.of(
                    new Template("PATHOLOGY_REPORT", "Pathology report (biopsy)"),
                    new Template("IMAGING", "Imaging studies (MRI, CT)"),
                    new Template("LAB_RESULTS", "PSA and other laboratory results")),
            "cardiology", List.of(
                    new Template("MEDICAL_REPORT", "Cardiologist's report"),
                    new Template("ECG", "Electrocardiogram"),
                    new Template("IMAGING", "Echocardiogram or other cardiac imaging")),
            "orthopedics", List.of(
                    new Template("MEDICAL_REPORT", "Orthopaedic surgeon's report"),
                    new Template("IMAGING", "X-ray, CT or MRI of the affected region")),
            "neurology", List.of(
                    new Template("MEDICAL_REPORT", "Neurologist's report"),
                    new Template("IMAGING", "Brain or spine MRI"),
                    new Template("LAB_RESULTS", "Laboratory results")));

    private ChecklistTemplates() {
    }

    public static List<Template> forSpecialty(String specialty) {
        if (specialty == null) {
            return DEFAULT;
        }
        return BY_SPECIALTY.getOrDefault(specialty.trim().toLowerCase(Locale.ROOT), DEFAULT);
    }
}
