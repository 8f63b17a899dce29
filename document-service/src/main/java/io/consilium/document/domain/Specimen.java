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
 * A physical specimen (biopsy block, slides): REQUESTED, SHIPPED (carrier and tracking id), RECEIVED by the
 * specialist's lab, RETURNED. Each step only from the one before; anything else is a 409.
 */
@Entity
@Table(name = "specimen")
public class Specimen extends PanacheEntityBase {

    public enum State { REQUESTED, SHIPPED, RECEIVED, RETURNED }

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

    public void ship(String carrier, String trackingId, Instant now) {
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

    public void giveBack(Instant now) {
        move(State.RECEIVED, State.RETURNED);
        this.returnedAt = now;
    }

    private void move(State from, State to) {
        if (state != from) {
            throw new ProblemException.Conflict("A specimen in state " + state + " cannot become " + to);
        }
        state = to;
    }
}
