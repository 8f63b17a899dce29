package io.consilium.document.consumers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consilium.document.domain.CaseFile;
import io.consilium.document.domain.CaseSpecialist;
import io.consilium.document.domain.Consent;
import io.consilium.document.service.Checklists;
import io.consilium.document.service.Checklists.RequestedItem;
import io.consilium.platform.cloudevents.IncomingEvent;
import io.consilium.platform.cloudevents.InvalidEvent;
import io.consilium.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Applies case and specialist events to the case's file, its consents, its specialists and its checklist,
 * exactly once per event id (platform inbox, same transaction). Reads only the fields it needs; unknown types
 * are recorded in the inbox and otherwise ignored.
 */
@ApplicationScoped
public class CaseFileProjector {

    static final String CONSUMER = "document-case-file";

    public static final String CASE_SUBMITTED = "consilium.case.submitted.v1";
    public static final String MANAGER_ASSIGNED = "consilium.case.manager-assigned.v1";
    public static final String RECORDS_REQUESTED = "consilium.case.records-requested.v1";
    public static final String CONSENT_GRANTED = "consilium.case.consent-granted.v1";
    public static final String CONSENT_REVOKED = "consilium.case.consent-revoked.v1";
    public static final String CASE_CANCELLED = "consilium.case.cancelled.v1";
    public static final String CASE_CLOSED = "consilium.case.closed.v1";
    public static final String SPECIALIST_ACCEPTED = "consilium.specialist.accepted.v1";
    public static final String SPECIALIST_DECLINED = "consilium.specialist.declined.v1";
    public static final String SPECIALIST_EXPIRED = "consilium.specialist.expired.v1";

    private final Inbox inbox;
    private final Checklists checklists;
    private final ObjectMapper json;

    CaseFileProjector(Inbox inbox, Checklists checklists, ObjectMapper json) {
        this.inbox = inbox;
        this.checklists = checklists;
        this.json = json;
    }

    /** A value that is not a JSON object breaks the contract: no retry can help, it goes to the dead letters. */
    private JsonNode parse(String value) {
        try {
            JsonNode node = value == null ? null : json.readTree(value);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            throw new InvalidEvent("The event's value is not JSON", e);
        }
        throw new InvalidEvent("The event's value is not a JSON object");
    }

    /**
     * Applies one event in one transaction ({@code IncomingRecords} retries it in a new one).
     *
     * @return false when the event is of no interest or was applied before (a redelivery)
     */
    @Transactional
    public boolean apply(IncomingEvent event, String json) {
        if (!CaseFileEventsConsumer.TYPES.contains(event.type())) {
            return false;
        }
        JsonNode payload = parse(json);
        if (!inbox.firstDelivery(CONSUMER, event.id(), event.type())) {
            return false;
        }
        UUID caseId = UUID.fromString(event.subject());
        // the CloudEvent's tenant is set by the publishing service from the case; the payload is only a fallback
        String tenant = event.tenant() != null ? event.tenant() : text(payload, "tenant");
        switch (event.type()) {
            case CASE_SUBMITTED -> {
                CaseFile file = CaseFile.getOrCreate(caseId, tenant);
                file.patientId = text(payload, "patientId");
                file.specialty = text(payload, "requestedSpecialty");
                file.submittedAt = instant(payload, "submittedAt", event.time());
                checklists.build(file);
            }
            case MANAGER_ASSIGNED -> CaseFile.getOrCreate(caseId, tenant).managerId = text(payload, "managerId");
            case RECORDS_REQUESTED -> checklists.extend(CaseFile.getOrCreate(caseId, tenant), requestedItems(payload));
            case CONSENT_GRANTED -> grant(caseId, tenant, payload, event);
            case CONSENT_REVOKED -> revoke(caseId, tenant, payload, event);
            case CASE_CANCELLED, CASE_CLOSED -> {
                CaseFile file = CaseFile.getOrCreate(caseId, tenant);
                if (file.endedAt == null) {
                    file.endedAt = event.time();
                }
            }
            case SPECIALIST_ACCEPTED -> answer(caseId, tenant, payload, CaseSpecialist.Answer.ACCEPTED, event);
            case SPECIALIST_DECLINED -> answer(caseId, tenant, payload, CaseSpecialist.Answer.DECLINED, event);
            case SPECIALIST_EXPIRED -> answer(caseId, tenant, payload, CaseSpecialist.Answer.EXPIRED, event);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void grant(UUID caseId, String tenant, JsonNode payload, IncomingEvent event) {
        CaseFile.getOrCreate(caseId, tenant);
        UUID consentId = UUID.fromString(text(payload, "consentId"));
        Consent consent = Consent.findById(consentId);
        if (consent == null) {
            consent = new Consent();
            consent.consentId = consentId;
            consent.caseId = caseId;
        }
        consent.purpose = text(payload, "purpose");
        consent.specialistSubjects = strings(payload, "specialistSubjects");
        consent.countries = strings(payload, "countries");
        consent.grantedAt = instant(payload, "grantedAt", event.time());
        // a revocation that arrived first (e.g. the grant was replayed from the dead letters) keeps its effect
        consent.persist();
    }

    /**
     * Revokes the consent; one not seen yet is stored revoked, so a grant arriving later (out of order, or
     * replayed by ops) can never reopen access the patient took back.
     */
    private static void revoke(UUID caseId, String tenant, JsonNode payload, IncomingEvent event) {
        UUID consentId = UUID.fromString(text(payload, "consentId"));
        Consent consent = Consent.findById(consentId);
        if (consent == null) {
            CaseFile.getOrCreate(caseId, tenant);
            consent = new Consent();
            consent.consentId = consentId;
            consent.caseId = caseId;
            String purpose = text(payload, "purpose");
            consent.purpose = purpose == null ? Consent.RECORDS_TO_SPECIALISTS : purpose;
            consent.persist();
        }
        if (consent.revokedAt == null) {
            consent.revokedAt = instant(payload, "revokedAt", event.time());
        }
    }

    private static void answer(UUID caseId, String tenant, JsonNode payload, CaseSpecialist.Answer answer,
                               IncomingEvent event) {
        CaseFile.getOrCreate(caseId, tenant);
        String subject = text(payload, "specialistSubject");
        if (subject == null) {
            return;
        }
        CaseSpecialist specialist = CaseSpecialist.getOrCreate(caseId, subject);
        specialist.specialistId = text(payload, "specialistId");
        if (text(payload, "country") != null) {
            specialist.country = text(payload, "country");
        }
        specialist.state = answer;
        specialist.updatedAt = event.time();
        specialist.persist();
    }

    private static List<RequestedItem> requestedItems(JsonNode payload) {
        List<RequestedItem> items = new ArrayList<>();
        JsonNode array = payload.path("items");
        if (array.isArray()) {
            for (JsonNode item : array) {
                items.add(new RequestedItem(text(item, "code"), text(item, "label"),
                        !item.has("required") || item.get("required").asBoolean(true)));
            }
        }
        return items;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> strings(JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        JsonNode array = node.path(field);
        if (array.isArray()) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    private static Instant instant(JsonNode node, String field, Instant fallback) {
        String raw = text(node, field);
        try {
            return raw == null ? fallback : Instant.parse(raw);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
