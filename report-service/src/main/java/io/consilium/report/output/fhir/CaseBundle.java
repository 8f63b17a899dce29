package io.consilium.report.output.fhir;

import ca.uhn.fhir.context.FhirContext;
import io.consilium.report.domain.ReportContent;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;


import static io.consilium.report.output.FhirValues.add;
import static io.consilium.report.output.FhirValues.code;
import static io.consilium.report.output.FhirValues.conclusion;
import static io.consilium.report.output.FhirValues.text;
/**
 * A case as one FHIR R4 {@code collection} Bundle (issue 13): the Patient (the insurer's member id only), the
 * ServiceRequest for the second opinion, a Task per lifecycle state reached, the experts (Practitioner and
 * PractitionerRole), a DiagnosticReport per released report (performer, conclusion codes, the answers and addenda
 * as Observations, the full expert PDF), a DocumentReference per record, an ImagingStudy per DICOM record and a
 * Consent per consent. Every resource carries a generated narrative. Pure: the service gathers the {@link Source}.
 */
public final class CaseBundle {

    public static final String MEDIA_TYPE = "application/fhir+json";
    static final String CASE_SYSTEM = "urn:consilium:case";
    static final String REPORT_SYSTEM = "urn:consilium:report";
    static final String DOCUMENT_SYSTEM = "urn:consilium:document";
    static final String SPECIALIST_SYSTEM = "urn:consilium:specialist";
    static final String TENANT_SYSTEM = "urn:consilium:tenant";
    static final String REASON_SYSTEM = "urn:consilium:reason";
    static final String QUESTION_SYSTEM = "urn:consilium:question";
    static final String STEP_SYSTEM = "urn:consilium:case-state";
    static final String ASSESSMENT_SYSTEM = "urn:consilium:diagnosis-assessment";
    static final String RECORD_KIND_SYSTEM = "urn:consilium:record-kind";
    static final String CONSENT_PURPOSE_SYSTEM = "urn:consilium:consent-purpose";
    static final String SHA256_SYSTEM = "urn:consilium:sha256";
    static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
    static final String LOINC = "http://loinc.org";
    static final String DICOM_DCM = "http://dicom.nema.org/resources/ontology/DCM";
    private static final Set<String> ENDS = Set.of("CLOSED", "CANCELLED", "REJECTED");

    private static final FhirContext CONTEXT = FhirContext.forR4Cached();

    /** The insurer's identifier system for its member ids: one per tenant, so two insurers' ids never collide. */
    public static String memberSystem(String tenant) {
        return TENANT_SYSTEM + ":" + code(tenant) + ":member-id";
    }

    public record Source(UUID caseId, String tenant, Request request, List<Step> steps, List<Expert> experts,
                         List<ReleasedReport> reports, List<RecordEntry> records, List<ConsentEntry> consents,
                         Instant generatedAt) {
    }

    /** {@code questions}: the patient's questions in words (standard ones in the patient's language). */
    public record Request(String memberId, String openedByRole, List<String> reasons, String requestedSpecialty,
                          String urgency, String diagnosisIcd10, Instant submittedAt, List<Question> questions) {
    }

    public record Question(String id, String text) {
    }

    public record Step(String state, Instant at) {
    }

    public record Expert(String subject, String specialistId, String name, String country, String specialty) {
    }

    public record Answer(String questionId, String question, String text) {
    }

    public record Addendum(String question, String answer, Instant at, int version) {
    }

    public record ReleasedReport(UUID reportId, String specialistSubject, int version, String sha256,
                                 Instant releasedAt, ReportContent content, List<Answer> answers,
                                 List<Addendum> addenda, byte[] pdf) {
    }

    /** {@code studies}: the DICOM studies document-service indexed (empty from older events: one study per record). */
    public record RecordEntry(UUID documentId, String kind, String contentType, Long sizeBytes, String sha256,
                              Instant uploadedAt, boolean imaging, List<Study> studies) {
    }

    public record Study(String studyInstanceUid, List<String> modalities, java.time.LocalDate studyDate, Integer series,
                        Integer instances) {
    }

    public record ConsentEntry(UUID consentId, String purpose, List<String> countries, Instant grantedAt,
                               Instant revokedAt) {
    }

    private CaseBundle() {
    }

    public static String json(Source s) {
        return CONTEXT.newJsonParser().setPrettyPrint(false).encodeResourceToString(bundle(s));
    }

    static Bundle bundle(Source s) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setIdentifier(new Identifier().setSystem(CASE_SYSTEM).setValue(s.caseId().toString()));
        bundle.setTimestamp(Date.from(s.generatedAt()));
        Request rq = s.request();

        String patientUrl = url("patient", s.caseId().toString());
        Patient patient = new Patient();
        if (rq.memberId() != null) {
            patient.addIdentifier(new Identifier().setSystem(memberSystem(s.tenant())).setValue(code(rq.memberId())));
        }
        patient.setActive(true);
        narrative(patient, "Member " + (rq.memberId() == null ? "(not known)" : rq.memberId()) + " of insurer " + s.tenant()
                + ". No name or contact data: the second-opinion service keeps them with the case, not in this export.");
        add(bundle, patientUrl, patient);

        String insurerUrl = url("insurer", s.tenant());
        Organization insurer = new Organization();
        insurer.addIdentifier(new Identifier().setSystem(TENANT_SYSTEM).setValue(code(s.tenant())));
        insurer.setName(code(s.tenant()));
        narrative(insurer, "Insurer " + s.tenant() + ".");
        add(bundle, insurerUrl, insurer);

        String requestUrl = "urn:uuid:" + s.caseId();
        add(bundle, requestUrl, serviceRequest(s, patientUrl, insurerUrl));

        tasks(bundle, s, patientUrl, requestUrl);

        Map<String, String> practitioners = new LinkedHashMap<>();
        for (Expert e : s.experts()) {
            String practitionerUrl = url("practitioner", s.caseId() + "/" + e.subject());
            practitioners.put(e.subject(), practitionerUrl);
            Practitioner p = new Practitioner();
            p.addIdentifier(new Identifier().setSystem(SPECIALIST_SYSTEM).setValue(code(e.specialistId() == null ? e.subject() : e.specialistId())));
            if (e.name() != null) {
                p.addName(new HumanName().setText(text(e.name())));
            }
            if (e.country() != null) {
                p.addAddress(new Address().setUse(Address.AddressUse.WORK).setCountry(code(e.country())));
            }
            narrative(p, "Expert " + or(e.name(), "(name not known)") + (e.country() == null ? "" : ", practising in " + e.country()) + ".");
            add(bundle, practitionerUrl, p);
            PractitionerRole role = new PractitionerRole();
            role.setActive(true);
            role.setPractitioner(new Reference(practitionerUrl));
            role.addCode(new CodeableConcept().setText("Second-opinion expert"));
            if (e.specialty() != null) {
                role.addSpecialty(new CodeableConcept().setText(text(e.specialty())));
            }
            narrative(role, or(e.name(), "The expert") + ": second-opinion expert" + (e.specialty() == null ? "" : " in " + e.specialty()) + ".");
            add(bundle, url("role", s.caseId() + "/" + e.subject()), role);
        }

        for (ReleasedReport r : s.reports()) {
            reports(bundle, r, patientUrl, requestUrl, practitioners.get(r.specialistSubject()));
        }

        for (RecordEntry r : s.records()) {
            records(bundle, r, patientUrl, requestUrl);
        }

        for (ConsentEntry c : s.consents()) {
            Consent consent = new Consent();
            consent.setStatus(c.revokedAt() == null ? Consent.ConsentState.ACTIVE : Consent.ConsentState.INACTIVE);
            consent.setScope(new CodeableConcept().addCoding(new Coding()
                    .setSystem("http://terminology.hl7.org/CodeSystem/consentscope").setCode("patient-privacy")
                    .setDisplay("Privacy Consent")));
            consent.addCategory(new CodeableConcept().addCoding(new Coding().setSystem(LOINC).setCode("59284-0")
                    .setDisplay("Patient Consent")));
            consent.setPatient(new Reference(patientUrl));
            if (c.grantedAt() != null) {
                consent.setDateTime(Date.from(c.grantedAt()));
            }
            // the platform's own policy per purpose (FHIR's consent-policy codes are US and national forms)
            consent.addPolicy().setUri(CONSENT_PURPOSE_SYSTEM + ":" + code(c.purpose()));
            Consent.ProvisionComponent provision = new Consent.ProvisionComponent();
            provision.setType(Consent.ConsentProvisionType.PERMIT);
            Period period = new Period();
            if (c.grantedAt() != null) {
                period.setStart(Date.from(c.grantedAt()));
            }
            if (c.revokedAt() != null) {
                period.setEnd(Date.from(c.revokedAt()));
            }
            provision.setPeriod(period);
            provision.addCode(new CodeableConcept().addCoding(new Coding().setSystem(CONSENT_PURPOSE_SYSTEM).setCode(code(c.purpose()))));
            consent.setProvision(provision);
            narrative(consent, "Consent " + c.purpose() + (c.countries().isEmpty() ? "" : " (countries: " + String.join(", ", c.countries()) + ")")
                    + ", granted " + or(c.grantedAt(), "(date not known)") + (c.revokedAt() == null ? ", active." : ", revoked " + c.revokedAt() + "."));
            add(bundle, url("consent", c.consentId().toString()), consent);
        }
        return bundle;
    }

    private static ServiceRequest serviceRequest(Source s, String patientUrl, String insurerUrl) {
        Request rq = s.request();
        ServiceRequest request = new ServiceRequest();
        request.addIdentifier(new Identifier().setSystem(CASE_SYSTEM).setValue(s.caseId().toString()));
        boolean ended = s.steps().stream().anyMatch(st -> ENDS.contains(st.state()));
        boolean cancelled = s.steps().stream().anyMatch(st -> "CANCELLED".equals(st.state()) || "REJECTED".equals(st.state()));
        request.setStatus(cancelled ? ServiceRequest.ServiceRequestStatus.REVOKED
                : ended || !s.reports().isEmpty() ? ServiceRequest.ServiceRequestStatus.COMPLETED
                : ServiceRequest.ServiceRequestStatus.ACTIVE);
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.setPriority("URGENT".equals(rq.urgency()) ? ServiceRequest.ServiceRequestPriority.URGENT
                : ServiceRequest.ServiceRequestPriority.ROUTINE);
        request.setCode(new CodeableConcept().setText("Second medical opinion"
                + (rq.requestedSpecialty() == null ? "" : " in " + text(rq.requestedSpecialty()))));
        request.setSubject(new Reference(patientUrl));
        if (rq.submittedAt() != null) {
            request.setAuthoredOn(Date.from(rq.submittedAt()));
        }
        request.setRequester(new Reference("partner".equals(rq.openedByRole()) ? insurerUrl : patientUrl));
        for (String reason : rq.reasons()) {
            request.addReasonCode(new CodeableConcept().addCoding(new Coding().setSystem(REASON_SYSTEM).setCode(code(reason)))
                    .setText(text(reason.replace('_', ' ').toLowerCase())));
        }
        if (rq.diagnosisIcd10() != null) {
            request.addReasonCode(new CodeableConcept().addCoding(new Coding().setSystem(ICD10).setCode(code(rq.diagnosisIcd10())))
                    .setText("Diagnosis of the treating doctor (ICD-10 " + code(rq.diagnosisIcd10()) + ")"));
        }
        for (Question q : rq.questions()) {
            request.addNote(new Annotation().setText("Question: " + text(q.text())));
        }
        StringBuilder n = new StringBuilder("Second medical opinion");
        n.append(rq.requestedSpecialty() == null ? "" : " in " + rq.requestedSpecialty());
        n.append(", requested by the ").append("partner".equals(rq.openedByRole()) ? "insurer" : "patient");
        n.append(rq.submittedAt() == null ? "" : " on " + rq.submittedAt()).append(". Reasons: ").append(String.join(", ", rq.reasons()));
        n.append(". Questions: ");
        rq.questions().forEach(q -> n.append(q.text()).append(" "));
        narrative(request, n.toString().trim());
        return request;
    }

    /** One Task per state reached, in order: the earlier ones completed, the last one in progress (or ended). */
    private static void tasks(Bundle bundle, Source s, String patientUrl, String requestUrl) {
        List<Step> steps = new ArrayList<>();
        for (Step st : s.steps()) {
            if (steps.stream().noneMatch(x -> x.state().equals(st.state()))) {
                steps.add(st);
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            Step st = steps.get(i);
            boolean last = i == steps.size() - 1;
            Task task = new Task();
            task.setStatus(!last || "CLOSED".equals(st.state()) ? Task.TaskStatus.COMPLETED
                    : "CANCELLED".equals(st.state()) ? Task.TaskStatus.CANCELLED
                    : "REJECTED".equals(st.state()) ? Task.TaskStatus.REJECTED : Task.TaskStatus.INPROGRESS);
            task.setIntent(Task.TaskIntent.ORDER);
            task.setCode(new CodeableConcept().addCoding(new Coding().setSystem(STEP_SYSTEM).setCode(st.state()))
                    .setText("Case state " + st.state()));
            task.setBusinessStatus(new CodeableConcept().setText(st.state()));
            task.setFocus(new Reference(requestUrl));
            task.addBasedOn(new Reference(requestUrl));
            task.setFor(new Reference(patientUrl));
            task.setAuthoredOn(Date.from(st.at()));
            Period period = new Period().setStart(Date.from(st.at()));
            if (!last) {
                period.setEnd(Date.from(steps.get(i + 1).at()));
            }
            task.setExecutionPeriod(period);
            narrative(task, "Case state " + st.state() + " from " + st.at() + (last ? "" : " to " + steps.get(i + 1).at()) + ".");
            add(bundle, url("task", s.caseId() + "/" + st.state()), task);
        }
    }

    private static void reports(Bundle bundle, ReleasedReport r, String patientUrl, String requestUrl, String practitionerUrl) {
        ReportContent c = r.content();
        DiagnosticReport report = new DiagnosticReport();
        report.getMeta().setVersionId(Integer.toString(r.version()));
        report.addIdentifier(new Identifier().setSystem(REPORT_SYSTEM).setValue(r.reportId().toString()));
        report.addIdentifier(new Identifier().setSystem(SHA256_SYSTEM).setValue(r.sha256()));
        // an addendum is a new version of the released report: FHIR's "amended"
        report.setStatus(r.addenda().isEmpty() ? DiagnosticReport.DiagnosticReportStatus.FINAL
                : DiagnosticReport.DiagnosticReportStatus.AMENDED);
        report.setCode(new CodeableConcept().setText("Second medical opinion report"));
        report.setSubject(new Reference(patientUrl));
        report.addBasedOn(new Reference(requestUrl));
        if (r.releasedAt() != null) {
            report.setIssued(Date.from(r.releasedAt()));
        }
        if (practitionerUrl != null) {
            report.addPerformer(new Reference(practitionerUrl));
            report.addResultsInterpreter(new Reference(practitionerUrl));
        }
        report.setConclusion(text(conclusion(c)));
        if (c.diagnosisAssessment() != null) {
            report.addConclusionCode(new CodeableConcept().addCoding(new Coding().setSystem(ASSESSMENT_SYSTEM)
                    .setCode(c.diagnosisAssessment().name())).setText("Diagnosis " + c.diagnosisAssessment().name().toLowerCase()));
        }
        if (c.diagnosisIcd10() != null) {
            report.addConclusionCode(new CodeableConcept().addCoding(new Coding().setSystem(ICD10).setCode(code(c.diagnosisIcd10())))
                    .setText(text(c.diagnosis())));
        }
        int n = 0;
        for (Answer a : r.answers()) {
            Observation o = observation(patientUrl, practitionerUrl, r.releasedAt());
            o.setCode(new CodeableConcept().addCoding(new Coding().setSystem(QUESTION_SYSTEM).setCode(code(a.questionId())))
                    .setText(text(a.question())));
            o.setValue(new StringType(text(a.text())));
            narrative(o, a.question() + " " + a.text());
            String u = url("answer", r.reportId() + "/" + (n++));
            add(bundle, u, o);
            report.addResult(new Reference(u));
        }
        for (Addendum a : r.addenda()) {
            Observation o = observation(patientUrl, practitionerUrl, a.at());
            o.setCode(new CodeableConcept().setText(text("Follow-up question: " + or(a.question(), "(not kept)"))));
            o.setValue(new StringType(text(or(a.answer(), ""))));
            narrative(o, "Addendum (version " + a.version() + ", " + a.at() + ") to the follow-up question: "
                    + or(a.question(), "(not kept)") + " " + or(a.answer(), ""));
            String u = url("addendum", r.reportId() + "/" + a.version());
            add(bundle, u, o);
            report.addResult(new Reference(u));
        }
        report.addPresentedForm(new Attachment().setContentType("application/pdf").setData(r.pdf())
                .setTitle("Full expert report, version " + r.version())
                .setCreationElement(r.releasedAt() == null ? null : new DateTimeType(Date.from(r.releasedAt()))));
        narrative(report, conclusion(c) + (r.addenda().isEmpty() ? "" : " Amended by " + r.addenda().size() + " addendum(s)."));
        add(bundle, "urn:uuid:" + r.reportId(), report);
    }

    private static Observation observation(String patientUrl, String practitionerUrl, Instant at) {
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setSubject(new Reference(patientUrl));
        if (practitionerUrl != null) {
            o.addPerformer(new Reference(practitionerUrl));
        }
        if (at != null) {
            o.setIssued(Date.from(at));
            o.setEffective(new DateTimeType(Date.from(at)));
        }
        return o;
    }

    private static void records(Bundle bundle, RecordEntry r, String patientUrl, String requestUrl) {
        // an ImagingStudy per DICOM study the record holds; a DICOM record of an older event (no studies): one for it
        List<Study> studies = !r.imaging() ? List.of()
                : r.studies().isEmpty() ? java.util.Collections.singletonList(null) : r.studies();
        List<String> studyUrls = new ArrayList<>();
        for (Study st : studies) {
            String studyUrl = url("study", r.documentId() + "/" + (st == null ? "" : st.studyInstanceUid()));
            studyUrls.add(studyUrl);
            ImagingStudy study = new ImagingStudy();
            study.addIdentifier(new Identifier().setSystem(DOCUMENT_SYSTEM).setValue(r.documentId().toString()));
            if (st != null) {
                study.addIdentifier(new Identifier().setSystem("urn:dicom:uid").setValue("urn:oid:" + code(st.studyInstanceUid())));
                for (String modality : st.modalities()) {
                    study.addModality(new Coding().setSystem(DICOM_DCM).setCode(code(modality)));
                }
                if (st.studyDate() != null) {
                    study.setStarted(Date.from(st.studyDate().atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
                }
                if (st.series() != null) {
                    study.setNumberOfSeries(st.series());
                }
                if (st.instances() != null) {
                    study.setNumberOfInstances(st.instances());
                }
            }
            study.setStatus(ImagingStudy.ImagingStudyStatus.AVAILABLE);
            study.setSubject(new Reference(patientUrl));
            study.addBasedOn(new Reference(requestUrl));
            study.setDescription(text("DICOM " + ("application/zip".equals(r.contentType()) ? "study (zipped)" : "file")
                    + (r.kind() == null ? "" : ": " + r.kind())));
            narrative(study, "Imaging study" + (st == null ? "" : " " + st.studyInstanceUid() + " (" + String.join(", ", st.modalities())
                    + (st.studyDate() == null ? "" : ", " + st.studyDate()) + ")") + " in record " + r.documentId()
                    + (r.uploadedAt() == null ? "" : ", uploaded " + r.uploadedAt()) + ".");
            add(bundle, studyUrl, study);
        }
        DocumentReference doc = new DocumentReference();
        doc.setMasterIdentifier(new Identifier().setSystem(DOCUMENT_SYSTEM).setValue(r.documentId().toString()));
        if (r.sha256() != null) {
            doc.addIdentifier(new Identifier().setSystem(SHA256_SYSTEM).setValue(code(r.sha256())));
        }
        doc.setStatus(org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus.CURRENT);
        if (r.kind() != null) {
            doc.setType(new CodeableConcept().addCoding(new Coding().setSystem(RECORD_KIND_SYSTEM).setCode(code(r.kind())))
                    .setText(text(r.kind().replace('_', ' ').toLowerCase())));
        }
        doc.setSubject(new Reference(patientUrl));
        if (r.uploadedAt() != null) {
            doc.setDate(Date.from(r.uploadedAt()));
        }
        Attachment attachment = new Attachment().setContentType(code(or(r.contentType(), "application/octet-stream")))
                .setUrl("/api/v1/documents/" + r.documentId() + "/content");
        if (r.sizeBytes() != null && r.sizeBytes() <= Integer.MAX_VALUE) {
            attachment.setSize(r.sizeBytes().intValue());
        }
        doc.addContent().setAttachment(attachment);
        DocumentReference.DocumentReferenceContextComponent context = doc.getContext();
        studyUrls.forEach(u -> context.addRelated(new Reference(u)));
        context.addRelated(new Reference(requestUrl));
        narrative(doc, "Record " + or(r.kind(), "(kind not given)") + " (" + or(r.contentType(), "unknown type") + ")"
                + (r.uploadedAt() == null ? "" : ", uploaded " + r.uploadedAt()) + ". Content at document-service, for readers of the case's records.");
        add(bundle, url("record", r.documentId().toString()), doc);
    }

    private static void narrative(DomainResource resource, String plain) {
        Narrative n = new Narrative();
        n.setStatus(Narrative.NarrativeStatus.GENERATED);
        n.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>" + escape(text(plain)) + "</p></div>");
        resource.setText(n);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String url(String kind, String key) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes((kind + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String or(Object value, String otherwise) {
        return value == null ? otherwise : value.toString();
    }
}
