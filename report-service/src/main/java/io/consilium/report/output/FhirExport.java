package io.consilium.report.output;

import ca.uhn.fhir.context.FhirContext;
import io.consilium.report.domain.ReportContent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import static io.consilium.report.output.FhirValues.add;
import static io.consilium.report.output.FhirValues.code;
import static io.consilium.report.output.FhirValues.conclusion;
import static io.consilium.report.output.FhirValues.text;

/**
 * A released report as a FHIR R4 collection Bundle: the patient (by identifier only), the case as the
 * ServiceRequest for a second opinion, and the report as a final DiagnosticReport based on it, its conclusion
 * carrying the assessment, the diagnosis (ICD-10 when given) and the recommended treatment.
 */
public final class FhirExport {

    public static final String MEDIA_TYPE = "application/fhir+json";
    static final String CASE_SYSTEM = "urn:consilium:case";
    static final String REPORT_SYSTEM = "urn:consilium:report";
    static final String PATIENT_SYSTEM = "urn:consilium:patient";
    static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";

    private static final FhirContext CONTEXT = FhirContext.forR4Cached();

    public record Source(UUID caseId, String patientId, UUID reportId, int version, String sha256,
                         String specialistSubject, Instant releasedAt, ReportContent content) {
    }

    private FhirExport() {
    }

    public static String json(Source s) {
        return CONTEXT.newJsonParser().setPrettyPrint(false).encodeResourceToString(bundle(s));
    }

    static Bundle bundle(Source s) {
        String patientUrl = "urn:uuid:" + UUID.nameUUIDFromBytes(("patient:" + s.patientId()).getBytes());
        String requestUrl = "urn:uuid:" + s.caseId();
        String reportUrl = "urn:uuid:" + s.reportId();

        Patient patient = new Patient();
        patient.addIdentifier(new Identifier().setSystem(PATIENT_SYSTEM).setValue(s.patientId() == null ? "unknown" : code(s.patientId())));

        ServiceRequest request = new ServiceRequest();
        request.addIdentifier(new Identifier().setSystem(CASE_SYSTEM).setValue(s.caseId().toString()));
        request.setStatus(ServiceRequest.ServiceRequestStatus.COMPLETED);
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.setCode(new CodeableConcept().setText("Second medical opinion"));
        request.setSubject(new Reference(patientUrl));

        ReportContent c = s.content();
        DiagnosticReport report = new DiagnosticReport();
        report.addIdentifier(new Identifier().setSystem(REPORT_SYSTEM).setValue(s.reportId() + "/v" + s.version()));
        report.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
        report.setCode(new CodeableConcept().setText("Second medical opinion report"));
        report.setSubject(new Reference(patientUrl));
        report.addBasedOn(new Reference(requestUrl));
        if (s.releasedAt() != null) {
            report.setIssued(Date.from(s.releasedAt()));
        }
        report.setConclusion(text(conclusion(c)));
        if (c.diagnosisIcd10() != null) {
            report.addConclusionCode(new CodeableConcept()
                    .addCoding(new Coding().setSystem(ICD10).setCode(code(c.diagnosisIcd10())))
                    .setText(text(c.diagnosis())));
        }

        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setIdentifier(new Identifier().setSystem(REPORT_SYSTEM).setValue(s.sha256()));
        if (s.releasedAt() != null) {
            bundle.setTimestamp(Date.from(s.releasedAt()));
        }
        add(bundle, reportUrl, report);
        add(bundle, requestUrl, request);
        add(bundle, patientUrl, patient);
        return bundle;
    }
}
