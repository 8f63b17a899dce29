package io.consilium.report.output;

import io.consilium.platform.input.InputPolicy;
import io.consilium.platform.input.TextKind;
import io.consilium.report.domain.ReportContent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * What both FHIR outputs (the per-report export, {@link FhirExport}, and the case bundle, {@code fhir/CaseBundle})
 * put into their resources the same way.
 */
public final class FhirValues {

    private FhirValues() {
    }

    /*
     * Stored text, and ids from other services' events, without what the input policy refuses: a control character
     * makes the Bundle invalid R4 (FHIR strings exclude them), a bidi override reorders what the receiver shows.
     */
    public static String text(String value) {
        return InputPolicy.scrub(value, TextKind.FREE_TEXT);
    }

    public static String code(String value) {
        return InputPolicy.scrub(value, TextKind.NAME);
    }

    /** A DiagnosticReport's conclusion: the assessment, the diagnosis, the treatment and surgery, in one line. */
    public static String conclusion(ReportContent c) {
        StringBuilder b = new StringBuilder();
        if (c.diagnosisAssessment() != null) {
            b.append("Diagnosis ").append(c.diagnosisAssessment().name().toLowerCase()).append(": ");
        }
        b.append(c.diagnosis() == null ? "" : c.diagnosis());
        if (c.recommendedTreatment() != null) {
            b.append(". Recommended treatment: ").append(c.recommendedTreatment());
        }
        if (c.surgeryNecessary() != null) {
            b.append(". Surgery necessary: ").append(c.surgeryNecessary().name());
        }
        return b.toString();
    }

    public static void add(Bundle bundle, String fullUrl, Resource resource) {
        bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
    }
}
