package io.consilium.document.service;

import io.consilium.document.domain.CaseFile;
import io.consilium.document.domain.Specimen;
import io.consilium.document.events.DocumentEvents;
import io.consilium.document.events.SpecimenEvent;
import io.consilium.document.security.CaseFileLookup;
import io.consilium.document.security.DocumentAccess.Level;
import io.consilium.platform.audit.AuditTrail;
import io.consilium.platform.audit.AuditedAccess;
import io.consilium.platform.outbox.Outbox;
import io.consilium.platform.outbox.OutgoingEvent;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Specimen tracking. The case manager requests a specimen and records its shipment and return; receipt is
 * confirmed by a specialist with access to the case (their lab) or by the case manager. Every step is an event
 * and an audit record in the same transaction.
 */
@ApplicationScoped
public class Specimens {

    private final CaseFileLookup lookup;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;
    private final Checklists checklists;

    Specimens(CaseFileLookup lookup, Outbox outbox, AuditTrail audit, Clock clock, Checklists checklists) {
        this.lookup = lookup;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.checklists = checklists;
    }

    /** Where a specimen goes: the institution and the person who receives it there. */
    public record Destination(String institution, String recipient) {
    }

    @Transactional
    public List<Specimen> ofCase(Caller caller, UUID caseId) {
        CaseFileLookup.Accessible access = lookup.require(caller, caseId, Level::mayRead, "case", String.valueOf(caseId),
                "LIST_SPECIMENS");
        audit.allowed(caller, new AuditedAccess("case", caseId.toString(), caseId.toString(), access.file().tenant,
                "LIST_SPECIMENS", "care"));
        return Specimen.ofCase(caseId);
    }

    @Transactional
    public Specimen request(Caller caller, UUID caseId, String description, Destination destination) {
        CaseFileLookup.Accessible access = lookup.require(caller, caseId, Level::mayManage, "case",
                String.valueOf(caseId), "REQUEST_SPECIMEN", LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        Specimen specimen = Specimen.request(caseId, access.file().tenant, description, caller.subject(), now);
        if (destination != null) {
            specimen.sendTo(destination.institution(), destination.recipient());
        }
        specimen.persist();
        specimen.checklistItemId = checklists.specimenRequested(access.file(), specimen.id, description).id;
        publish(specimen, DocumentEvents.SPECIMEN_REQUESTED,
                new SpecimenEvent.Requested(caseId, specimen.tenant, specimen.id, now));
        audited(caller, specimen, "REQUEST_SPECIMEN");
        return specimen;
    }

    @Transactional
    public Specimen ship(Caller caller, UUID specimenId, String carrier, String trackingId, Destination destination) {
        Specimen specimen = load(caller, specimenId, Level::mayManage, "SHIP_SPECIMEN");
        Instant now = clock.instant();
        if (destination != null) {
            specimen.sendTo(destination.institution(), destination.recipient());
        }
        specimen.ship(carrier, trackingId, now);
        publish(specimen, DocumentEvents.SPECIMEN_SHIPPED, new SpecimenEvent.Shipped(specimen.caseId, specimen.tenant,
                specimen.id, carrier, trackingId, specimen.destinationInstitution, now));
        audited(caller, specimen, "SHIP_SPECIMEN");
        return specimen;
    }

    @Transactional
    public Specimen receive(Caller caller, UUID specimenId) {
        Specimen specimen = load(caller, specimenId, level -> level == Level.READ || level == Level.MANAGE,
                "RECEIVE_SPECIMEN");
        Instant now = clock.instant();
        specimen.receive(caller.subject(), now);
        CaseFile file = CaseFile.findById(specimen.caseId, LockModeType.PESSIMISTIC_WRITE);
        if (file != null) {
            checklists.specimenReceived(file, specimen.id);
        }
        publish(specimen, DocumentEvents.SPECIMEN_RECEIVED, new SpecimenEvent.Received(specimen.caseId,
                specimen.tenant, specimen.id, caller.subject(), now));
        audited(caller, specimen, "RECEIVE_SPECIMEN");
        return specimen;
    }

    @Transactional
    public Specimen shipBack(Caller caller, UUID specimenId, String carrier, String trackingId) {
        Specimen specimen = load(caller, specimenId, level -> level == Level.READ || level == Level.MANAGE,
                "RETURN_SHIP_SPECIMEN");
        Instant now = clock.instant();
        specimen.shipBack(carrier, trackingId, now);
        publish(specimen, DocumentEvents.SPECIMEN_RETURN_SHIPPED, new SpecimenEvent.ReturnShipped(specimen.caseId,
                specimen.tenant, specimen.id, carrier, trackingId, now));
        audited(caller, specimen, "RETURN_SHIP_SPECIMEN");
        return specimen;
    }

    @Transactional
    public Specimen giveBack(Caller caller, UUID specimenId) {
        Specimen specimen = load(caller, specimenId, level -> level == Level.READ || level == Level.MANAGE,
                "RETURN_SPECIMEN");
        Instant now = clock.instant();
        specimen.giveBack(now);
        publish(specimen, DocumentEvents.SPECIMEN_RETURNED, new SpecimenEvent.Returned(specimen.caseId,
                specimen.tenant, specimen.id, now));
        audited(caller, specimen, "RETURN_SPECIMEN");
        return specimen;
    }

    private Specimen load(Caller caller, UUID specimenId, Predicate<Level> needed, String action) {
        Specimen specimen = Specimen.findById(specimenId, LockModeType.PESSIMISTIC_WRITE);
        if (specimen == null) {
            audit.denied(caller, new AuditedAccess("specimen", specimenId.toString(), null, null, action,
                    "not visible to caller"));
            throw new ProblemException.NotFound("Specimen " + specimenId);
        }
        lookup.require(caller, specimen.caseId, needed, "specimen", specimenId.toString(), action);
        return specimen;
    }

    private void publish(Specimen specimen, String type, Object payload) {
        outbox.append(new OutgoingEvent(DocumentEvents.TOPIC, type, specimen.caseId.toString(), specimen.tenant,
                payload));
    }

    private void audited(Caller caller, Specimen specimen, String action) {
        audit.allowed(caller, new AuditedAccess("specimen", specimen.id.toString(), specimen.caseId.toString(),
                specimen.tenant, action, "care"));
    }
}
