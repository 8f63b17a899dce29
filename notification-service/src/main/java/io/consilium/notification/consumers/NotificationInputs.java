package io.consilium.notification.consumers;

import io.consilium.notification.domain.CaseFile;
import io.consilium.notification.domain.CaseInvitation;
import io.consilium.notification.domain.Urgency;
import io.consilium.notification.service.Notifications;
import io.consilium.platform.cloudevents.IncomingEvent;
import io.consilium.platform.cloudevents.InvalidEvent;
import io.consilium.platform.consumer.Delivery;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Applies the events of every service once per event id (the inbox check is {@code IncomingRecords}'): the
 * projections of who a case's people are and what state it is in, then the case's deliveries by the routing
 * table, all in the transaction that records the event in the inbox.
 */
@ApplicationScoped
public class NotificationInputs {

    static final String CONSUMER = "notification-inputs";
    static final String SUBMITTED = "consilium.case.submitted.v1";
    static final String PATIENT_LINKED = "consilium.case.patient-linked.v1";
    static final String MANAGER_ASSIGNED = "consilium.case.manager-assigned.v1";
    static final String SLA_STATUS_CHANGED = "consilium.case.sla-status-changed.v1";
    static final String FOLLOW_UP_DUE = "consilium.case.follow-up-due.v1";
    static final String REPORT_REOPENED = "consilium.report.reopened.v1";
    static final String REPORT_OVERDUE = "consilium.report.overdue.v1";
    static final String INVITED = "consilium.specialist.invited.v1";
    static final String REMINDER_DUE = "consilium.specialist.invitation-reminder-due.v1";
    static final Set<String> PROJECTED = Set.of(SUBMITTED, PATIENT_LINKED, MANAGER_ASSIGNED, INVITED,
            "consilium.case.rejected.v1", "consilium.case.records-requested.v1", "consilium.case.records-completed.v1",
            "consilium.specialist.panel-assembled.v1", "consilium.report.released.v1",
            "consilium.case.report-delivered.v1", "consilium.case.follow-up-scheduled.v1", "consilium.case.cancelled.v1",
            "consilium.case.closed.v1");

    private final Notifications notifications;
    private final Clock clock;

    NotificationInputs(Notifications notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    boolean handles(String type) {
        return PROJECTED.contains(type) || notifications.routed(type);
    }

    public void apply(Delivery delivery) {
        IncomingEvent event = delivery.event();
        if (event.tenant() == null || event.tenant().isBlank()) {
            throw new InvalidEvent("A case event without ce_tenant cannot be routed to anyone");
        }
        UUID caseId = delivery.caseId();
        Instant now = clock.instant();
        CaseFile file = CaseFile.findById(caseId);
        if (file == null) {
            file = CaseFile.open(caseId, event.tenant(), now);
            file.persist();
        } else if (!file.belongsTo(event.tenant())) {
            // an event naming another tenant than the case's must never reach that tenant's people or endpoints
            throw new InvalidEvent("ce_tenant is not the tenant of case " + caseId);
        }
        String specialist = null;
        boolean urgent = false;
        String detail = null;
        switch (event.type()) {
            case SUBMITTED -> {
                CaseSubmitted submitted = delivery.payload(CaseSubmitted.class);
                file.patient(submitted.patientId(), now);
                file.language(submitted.preferredLanguage(), now);
            }
            case PATIENT_LINKED -> file.patient(delivery.payload(PatientLinked.class).patientId(), now);
            case MANAGER_ASSIGNED -> file.manager(delivery.payload(ManagerAssigned.class).managerId(), now);
            case INVITED -> {
                SpecialistInvited invited = delivery.payload(SpecialistInvited.class);
                if (CaseInvitation.findById(invited.invitationId()) == null) {
                    CaseInvitation.of(invited.invitationId(), caseId, invited.specialistSubject()).persist();
                }
                specialist = invited.specialistSubject();
            }
            case REMINDER_DUE -> {
                InvitationReminderDue due = delivery.payload(InvitationReminderDue.class);
                CaseInvitation known = CaseInvitation.findById(due.invitationId());
                specialist = due.specialistSubject() != null && !due.specialistSubject().isBlank()
                        ? due.specialistSubject() : known != null ? known.specialistSubject : null;
            }
            case FOLLOW_UP_DUE -> delivery.payload(FollowUpDue.class);
            case REPORT_REOPENED, REPORT_OVERDUE -> specialist = delivery.payload(ReportForSpecialist.class).specialistSubject();
            case SLA_STATUS_CHANGED -> {
                detail = delivery.payload(SlaStatusChanged.class).status();
                urgent = Urgency.urgent(event.type(), detail);
            }
            default -> {
                // the type moves the state only, or is routed with the case's people as they are
            }
        }
        file.after(event.type(), now);
        notifications.route(event.id(), event.type(), event.time(), file, specialist, urgent, detail);
    }
}
