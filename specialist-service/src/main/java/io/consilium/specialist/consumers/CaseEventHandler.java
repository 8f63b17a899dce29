package io.consilium.specialist.consumers;

import io.consilium.platform.cloudevents.IncomingEvent;
import io.consilium.platform.cloudevents.InvalidEvent;
import io.consilium.platform.consumer.Delivery;
import io.consilium.specialist.domain.CaseBrief;
import io.consilium.specialist.domain.CaseConsent;
import io.consilium.specialist.domain.ConditionCodes;
import io.consilium.specialist.domain.PanelRequest;
import io.consilium.specialist.domain.PanelState;
import io.consilium.specialist.domain.Seat;
import io.consilium.specialist.service.PanelAssembly;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Applies the case events specialist-service cares about (platform's {@code IncomingRecords} calls it once per
 * event id, in the transaction that records it in the inbox): review requested opens a panel and invites,
 * consents are recorded for the specialist view, cancellation and closing give capacity back.
 */
@ApplicationScoped
public class CaseEventHandler {

    static final String CONSUMER = "specialist-case-events";
    static final String REVIEW_REQUESTED = "consilium.case.review-requested.v1";
    static final String CONSENT_GRANTED = "consilium.case.consent-granted.v1";
    static final String CONSENT_REVOKED = "consilium.case.consent-revoked.v1";
    static final String CANCELLED = "consilium.case.cancelled.v1";
    static final String CLOSED = "consilium.case.closed.v1";
    static final String BRIEF_CHANGED = "consilium.case.brief-changed.v1";
    static final Set<String> HANDLED = Set.of(REVIEW_REQUESTED, CONSENT_GRANTED, CONSENT_REVOKED, CANCELLED, CLOSED,
            BRIEF_CHANGED);

    private final PanelAssembly assembly;

    CaseEventHandler(PanelAssembly assembly) {
        this.assembly = assembly;
    }

    public static boolean handles(String type) {
        return HANDLED.contains(type);
    }

    public void apply(Delivery delivery) {
        IncomingEvent event = delivery.event();
        UUID caseId = delivery.caseId();
        switch (event.type()) {
            case REVIEW_REQUESTED -> assembly.open(panelRequest(caseId, event, delivery.payload(ReviewRequested.class)));
            case CONSENT_GRANTED -> grant(caseId, delivery.payload(ConsentGranted.class), event.time());
            case CONSENT_REVOKED -> revoke(caseId, delivery.payload(ConsentRevoked.class), event.time());
            case CANCELLED -> assembly.end(caseId, PanelState.CANCELLED);
            case CLOSED -> assembly.end(caseId, PanelState.CLOSED);
            case BRIEF_CHANGED -> keepBrief(caseId, event, delivery.payload(BriefChanged.class));
            default -> throw new IllegalStateException("Not a handled type: " + event.type());
        }
    }

    private static PanelRequest.Terms panelRequest(UUID caseId, IncomingEvent event, ReviewRequested r) {
        // required fields are checked where the payload is read (EventPayloads); what remains spans fields
        List<String> problems = new ArrayList<>();
        if (r.diagnosisIcd10() != null && !ConditionCodes.isCode(r.diagnosisIcd10().toUpperCase(Locale.ROOT))) {
            problems.add("diagnosisIcd10 is not an ICD-10 code");
        }
        // the CloudEvent's tenant is set by case-service from the case; a payload naming another one is refused
        String tenant = event.tenant() != null ? event.tenant() : r.tenant();
        if (tenant == null) {
            problems.add("tenant is missing");
        } else if (r.tenant() != null && !r.tenant().equals(tenant)) {
            problems.add("the payload's tenant differs from the event's");
        }
        List<Seat> seats = r.seats() == null
                ? PanelRequest.Terms.oneSpecialty(r.requestedSpecialty(), r.subspecialty(), r.panelSize())
                : r.seats().stream().map(s -> new Seat(s.seat(), s.specialty(), s.focus())).toList();
        if (r.seats() != null) {
            if (seats.size() != r.panelSize()) {
                problems.add("panelSize " + r.panelSize() + " is not the number of seats " + seats.size());
            }
            if (!seats.stream().map(Seat::number).toList().equals(
                    java.util.stream.IntStream.rangeClosed(1, seats.size()).boxed().toList())) {
                problems.add("seats are not numbered 1.." + seats.size() + " in order");
            }
        }
        int minOutside = r.minOutsideResidence() == null ? 0 : r.minOutsideResidence();
        if (minOutside > seats.size()) {
            problems.add("minOutsideResidence " + minOutside + " exceeds the " + seats.size() + " seats");
        }
        if (!problems.isEmpty()) {
            throw new InvalidEvent("Review request " + event.id() + " is not valid: " + String.join("; ", problems));
        }
        return new PanelRequest.Terms(caseId, tenant, r.requestedSpecialty(), r.subspecialty(),
                r.diagnosisIcd10() == null ? null : r.diagnosisIcd10().toUpperCase(Locale.ROOT), r.preferredLanguage(),
                r.countryOfResidence(), r.treatingInstitution(), seats, r.allowedCountries(), r.excludedCountries(),
                minOutside, r.acceptWithinHours(), r.reportWithinHours(), r.dueBy(),
                r.requestedAt() != null ? r.requestedAt() : event.time());
    }

    /** The brief is about the CloudEvent's tenant (set by case-service from the case), never the payload's. */
    private static void keepBrief(UUID caseId, IncomingEvent event, BriefChanged brief) {
        if (event.tenant() == null) {
            throw new InvalidEvent("Brief " + event.id() + " is not valid: tenant is missing");
        }
        CaseBrief.keep(caseId, event.tenant(), brief.content(), brief.changedAt());
    }

    private static void grant(UUID caseId, ConsentGranted g, Instant eventTime) {
        CaseConsent consent = CaseConsent.findById(g.consentId());
        if (consent == null) {
            consent = new CaseConsent();
            consent.consentId = g.consentId();
        }
        consent.caseId = caseId;
        consent.purpose = g.purpose();
        consent.specialistSubjects = g.specialistSubjects() == null ? new ArrayList<>() : new ArrayList<>(g.specialistSubjects());
        consent.countries = g.countries() == null ? new ArrayList<>() : new ArrayList<>(g.countries());
        consent.grantedAt = g.grantedAt() != null ? g.grantedAt() : eventTime;
        consent.persist();
    }

    /**
     * Revokes the consent; one not seen yet is kept revoked (purpose as the only one that matters here), so a
     * grant arriving later, out of order or replayed by ops, never reopens what the patient took back.
     */
    private static void revoke(UUID caseId, ConsentRevoked r, Instant eventTime) {
        CaseConsent consent = CaseConsent.findById(r.consentId());
        if (consent == null) {
            consent = new CaseConsent();
            consent.consentId = r.consentId();
            consent.caseId = caseId;
            consent.purpose = CaseConsent.RECORDS_TO_SPECIALISTS;
            consent.persist();
        }
        if (consent.revokedAt == null) {
            consent.revokedAt = r.revokedAt() != null ? r.revokedAt() : eventTime;
        }
    }
}
