package io.consilium.document.domain;

import io.consilium.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A physical specimen (biopsy block, slides) on its way to a destination (institution and recipient) and back:
 * REQUESTED, SHIPPED (carrier and tracking id), RECEIVED at the destination, RETURN_SHIPPED (the return leg's
 * carrier and tracking id), RETURNED. Each step only from the one before (RETURNED also straight from RECEIVED,
 * for a specimen collected by hand); anything else is a 409. It is an item of the case's checklist.
 */
@Entity
@Table(name = "specimen")
public class Specimen extends PanacheEntityBase {

    public enum State { REQUESTED, SHIPPED, RECEIVED, RETURN_SHIPPED, RETURNED }

    @Id
    public UUID id;
    @Column(name = "case_id", nullable = false)
    public UUID caseId;
    public String tenant;
    @Column(nullable = false)
    public String description;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;
    @Column(name = "requested_by", nullable = false)
    public String requestedBy;
    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;
    public String carrier;
    @Column(name = "tracking_id")
    public String trackingId;
    @Column(name = "shipped_at")
    public Instant shippedAt;
    @Column(name = "received_by")
    public String receivedBy;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "returned_at")
    public Instant returnedAt;
    @Column(name = "destination_institution")
    public String destinationInstitution;
    @Column(name = "destination_recipient")
    public String destinationRecipient;
    @Column(name = "return_carrier")
    public String returnCarrier;
    @Column(name = "return_tracking_id")
    public String returnTrackingId;
    @Column(name = "return_shipped_at")
    public Instant returnShippedAt;
    @Column(name = "checklist_item_id")
    public UUID checklistItemId;
    @Version
    public long version;

    public static Specimen request(UUID caseId, String tenant, String description, String by, Instant now) {
        Specimen s = new Specimen();
        s.id = UUID.randomUUID();
        s.caseId = caseId;
        s.tenant = tenant;
        s.description = description;
        s.state = State.REQUESTED;
        s.requestedBy = by;
        s.requestedAt = now;
        return s;
    }

    public static List<Specimen> ofCase(UUID caseId) {
        return list("caseId = ?1 order by requestedAt, id", caseId);
    }

    /** Where it goes; may be set at the request or, at the latest, with the shipment. */
    public void sendTo(String institution, String recipient) {
        if (state != State.REQUESTED) {
            throw new ProblemException.Conflict("The destination of a specimen in state " + state + " cannot change");
        }
        destinationInstitution = institution;
        destinationRecipient = recipient;
    }

    public void ship(String carrier, String trackingId, Instant now) {
        if (state == State.REQUESTED && destinationInstitution == null) {
            throw new ProblemException.Unprocessable("A specimen is shipped to a destination; name its institution and recipient",
                    List.of(new io.consilium.platform.problem.Violation("destination", "must be given before the shipment")));
        }
        move(State.REQUESTED, State.SHIPPED);
        this.carrier = carrier;
        this.trackingId = trackingId;
        this.shippedAt = now;
    }

    public void receive(String by, Instant now) {
        move(State.SHIPPED, State.RECEIVED);
        this.receivedBy = by;
        this.receivedAt = now;
    }

    /** The return leg leaves the destination. */
    public void shipBack(String carrier, String trackingId, Instant now) {
        move(State.RECEIVED, State.RETURN_SHIPPED);
        this.returnCarrier = carrier;
        this.returnTrackingId = trackingId;
        this.returnShippedAt = now;
    }

    /** Back where it came from: after the return leg, or straight from the destination (collected by hand). */
    public void giveBack(Instant now) {
        move(state == State.RETURN_SHIPPED ? State.RETURN_SHIPPED : State.RECEIVED, State.RETURNED);
        this.returnedAt = now;
    }

    private void move(State from, State to) {
        if (state != from) {
            throw new ProblemException.Conflict("A specimen in state " + state + " cannot become " + to);
        }
        state = to;
    }
}
