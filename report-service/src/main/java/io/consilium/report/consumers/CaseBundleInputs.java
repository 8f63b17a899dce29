package io.consilium.report.consumers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.consilium.platform.cloudevents.IncomingEvent;
import io.consilium.platform.cloudevents.InvalidEvent;
import io.consilium.platform.consumer.Delivery;
import io.consilium.report.domain.CaseExpert;
import io.consilium.report.domain.CaseFile;
import io.consilium.report.domain.CaseRecord;
import io.consilium.report.domain.CaseRequest;
import io.consilium.report.domain.CaseStep;
import io.consilium.report.domain.ConsentRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What the FHIR case bundle needs beyond the reports, from the other services' events (issue 13): the request
 * (case.submitted), a step per lifecycle event (a Task each), the experts (specialist.invited and accepted), the
 * records (document.uploaded and rejected: metadata only) and every consent. Runs in the same inbox transaction as
 * {@link CaseAndPanelRecorder}, which keeps what reports themselves depend on.
 */
@ApplicationScoped
public class CaseBundleInputs {

    static final String DOCUMENT_UPLOADED = "consilium.document.uploaded.v1";
    static final String DOCUMENT_REJECTED = "consilium.document.rejected.v1";
    static final String SPECIALIST_INVITED = "consilium.specialist.invited.v1";
    static final String PANEL_ASSEMBLED = "consilium.specialist.panel-assembled.v1";

    /** Each lifecycle event and the case state it moves the case to: one Task per state reached. */
    static final Map<String, String> STEPS = Map.ofEntries(
            Map.entry(CaseAndPanelRecorder.CASE_SUBMITTED, "SUBMITTED"),
            Map.entry("consilium.case.rejected.v1", "REJECTED"),
            Map.entry(CaseAndPanelRecorder.MANAGER_ASSIGNED, "MANAGER_ASSIGNED"),
            Map.entry("consilium.case.records-requested.v1", "COLLECTING_RECORDS"),
            Map.entry("consilium.case.records-completed.v1", "READY_FOR_REVIEW"),
            Map.entry(PANEL_ASSEMBLED, "IN_REVIEW"),
            Map.entry("consilium.case.report-delivered.v1", "REPORT_DELIVERED"),
            Map.entry("consilium.case.follow-up-scheduled.v1", "FOLLOW_UP"),
            Map.entry("consilium.case.closed.v1", "CLOSED"),
            Map.entry(CaseAndPanelRecorder.CASE_CANCELLED, "CANCELLED"));

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Submitted(String memberId, String requestedSpecialty, String urgency, String diagnosisIcd10,
                     List<String> reasons, String openedByRole, Instant submittedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Invited(@NotBlank String specialistSubject, String specialistId, Integer seat, String specialty) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Accepted(@NotBlank String specialistSubject, String specialistId, String specialistName, String country,
                    Integer seat, Instant acceptedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    /** {@code studies} since issue 13 (absent in older events: none). */
    record Uploaded(@NotNull UUID documentId, String kind, String contentType, Long sizeBytes, String sha256,
                    Instant uploadedAt, List<@NotNull @Valid Study> studies) {
        @JsonIgnoreProperties(ignoreUnknown = true)
        record Study(@NotBlank String studyInstanceUid, List<String> modalities, LocalDate studyDate, Integer series,
                     Integer instances) {
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Rejected(@NotNull UUID documentId, String reason, Instant rejectedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Consent(@NotNull UUID consentId, @NotBlank String purpose, List<String> countries, Instant grantedAt,
                   Instant revokedAt) {
    }

    public static boolean handles(String type) {
        return STEPS.containsKey(type) || DOCUMENT_UPLOADED.equals(type) || DOCUMENT_REJECTED.equals(type)
                || SPECIALIST_INVITED.equals(type) || CaseAndPanelRecorder.SPECIALIST_ACCEPTED.equals(type)
                || CaseAndPanelRecorder.CONSENT_GRANTED.equals(type) || CaseAndPanelRecorder.CONSENT_REVOKED.equals(type);
    }

    public void apply(Delivery delivery) {
        IncomingEvent event = delivery.event();
        UUID caseId = delivery.caseId();
        CaseFile file = CaseFile.findById(caseId);
        if (file != null && file.tenant != null && event.tenant() != null && !file.tenant.equals(event.tenant())) {
            throw new InvalidEvent(event.type() + " of case " + caseId + " names another tenant than the case's");
        }
        String step = STEPS.get(event.type());
        if (step != null && CaseStep.findById(event.id()) == null) {
            CaseStep s = new CaseStep();
            s.eventId = event.id();
            s.caseId = caseId;
            s.step = step;
            s.at = event.time() != null ? event.time() : Instant.now();
            s.persist();
        }
        switch (event.type()) {
            case CaseAndPanelRecorder.CASE_SUBMITTED -> submitted(caseId, delivery.payload(Submitted.class));
            case SPECIALIST_INVITED -> {
                Invited i = delivery.payload(Invited.class);
                CaseExpert e = CaseExpert.forUpdate(caseId, i.specialistSubject());
                e.specialistId = i.specialistId() != null ? i.specialistId() : e.specialistId;
                e.seat = i.seat() != null ? i.seat() : e.seat;
                e.specialty = i.specialty() != null ? i.specialty() : e.specialty;
            }
            case CaseAndPanelRecorder.SPECIALIST_ACCEPTED -> {
                Accepted a = delivery.payload(Accepted.class);
                CaseExpert e = CaseExpert.forUpdate(caseId, a.specialistSubject());
                e.specialistId = a.specialistId() != null ? a.specialistId() : e.specialistId;
                e.name = a.specialistName() == null ? e.name : cut(a.specialistName(), 200);
                e.country = a.country() == null ? e.country : cut(a.country(), 10);
                e.seat = a.seat() != null ? a.seat() : e.seat;
                e.acceptedAt = a.acceptedAt() != null ? a.acceptedAt() : event.time();
            }
            case DOCUMENT_UPLOADED -> uploaded(caseId, delivery.payload(Uploaded.class), event);
            case DOCUMENT_REJECTED -> {
                // REVIEW: the personal doctor rejected a stored record; other reasons name an upload never kept
                Rejected r = delivery.payload(Rejected.class);
                CaseRecord record = CaseRecord.findById(r.documentId());
                if (record != null && record.caseId.equals(caseId) && record.rejectedAt == null) {
                    record.rejectedAt = r.rejectedAt() != null ? r.rejectedAt() : event.time();
                }
            }
            case CaseAndPanelRecorder.CONSENT_GRANTED -> consent(caseId, delivery.payload(Consent.class), false, event);
            case CaseAndPanelRecorder.CONSENT_REVOKED -> consent(caseId, delivery.payload(Consent.class), true, event);
            default -> {
            }
        }
    }

    private static void submitted(UUID caseId, Submitted s) {
        CaseRequest r = CaseRequest.findById(caseId);
        if (r == null) {
            r = new CaseRequest();
            r.caseId = caseId;
            r.persist();
        }
        r.memberId = s.memberId() == null ? null : cut(s.memberId(), 100);
        r.requestedSpecialty = s.requestedSpecialty() == null ? null : cut(s.requestedSpecialty(), 100);
        r.urgency = s.urgency() == null ? null : cut(s.urgency(), 20);
        r.diagnosisIcd10 = s.diagnosisIcd10() == null ? null : cut(s.diagnosisIcd10(), 20);
        r.reasons = s.reasons() == null ? List.of() : s.reasons().stream().filter(Objects::nonNull).map(x -> cut(x, 100)).toList();
        r.openedByRole = s.openedByRole() == null ? null : cut(s.openedByRole(), 30);
        r.submittedAt = s.submittedAt();
    }

    private static void uploaded(UUID caseId, Uploaded u, IncomingEvent event) {
        if (CaseRecord.findById(u.documentId()) != null) {
            return;
        }
        CaseRecord r = new CaseRecord();
        r.documentId = u.documentId();
        r.caseId = caseId;
        r.kind = u.kind() == null ? null : cut(u.kind(), 100);
        r.contentType = u.contentType() == null ? null : cut(u.contentType(), 200);
        r.sizeBytes = u.sizeBytes();
        r.sha256 = u.sha256() == null ? null : cut(u.sha256(), 64);
        r.uploadedAt = u.uploadedAt() != null ? u.uploadedAt() : event.time();
        r.studies = u.studies() == null ? List.of() : u.studies().stream().limit(100)
                .map(st -> new CaseRecord.DicomStudy(cut(st.studyInstanceUid(), 64),
                        st.modalities() == null ? List.of() : st.modalities().stream().filter(Objects::nonNull).limit(20).map(m -> cut(m, 16)).toList(),
                        st.studyDate(), st.series(), st.instances()))
                .toList();
        r.persist();
    }

    /** A revocation that overtakes its grant is kept as a consent already revoked; the late grant keeps it so. */
    private static void consent(UUID caseId, Consent c, boolean revoked, IncomingEvent event) {
        ConsentRecord r = ConsentRecord.findById(c.consentId());
        if (r == null) {
            r = new ConsentRecord();
            r.consentId = c.consentId();
            r.caseId = caseId;
            r.purpose = cut(c.purpose(), 50);
            r.persist();
        }
        if (revoked) {
            r.revokedAt = r.revokedAt != null ? r.revokedAt : c.revokedAt() != null ? c.revokedAt() : event.time();
        } else {
            r.grantedAt = c.grantedAt() != null ? c.grantedAt() : event.time();
            r.countries = c.countries() == null ? List.of() : c.countries().stream().filter(Objects::nonNull).map(x -> cut(x, 10)).toList();
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
