package io.consilium.specialist.consumers;

import io.consilium.platform.consumer.Delivery;
import io.consilium.specialist.domain.Invitation;
import io.consilium.specialist.domain.Specialist;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.OptionalDouble;
import java.util.UUID;

/**
 * Learns specialists' average turnaround from report-service: the first submitted version of a report ends the
 * time counted from the specialist's acceptance. Once per event id (platform's inbox, checked by
 * {@code IncomingRecords}) and per invitation.
 */
@ApplicationScoped
public class ReportEventHandler {

    static final String CONSUMER = "specialist-report-events";
    static final String SUBMITTED = "consilium.report.submitted.v1";

    public static boolean handles(String type) {
        return SUBMITTED.equals(type);
    }

    /** @return true when a turnaround was recorded */
    public boolean apply(Delivery delivery) {
        UUID caseId = delivery.caseId();
        ReportSubmitted report = delivery.payload(ReportSubmitted.class);
        if (report.version() != null && report.version() != 1) {
            return false;
        }
        Invitation invitation = Invitation.<Invitation>find("caseId = ?1 and specialistSubject = ?2",
                caseId, report.specialistSubject()).firstResult();
        if (invitation == null) {
            return false;
        }
        OptionalDouble days = invitation.reportSubmitted(report.submittedAt());
        if (days.isEmpty()) {
            return false;
        }
        Specialist specialist = Specialist.findById(invitation.specialistId, LockModeType.PESSIMISTIC_WRITE);
        specialist.recordTurnaround(days.getAsDouble());
        return true;
    }
}
