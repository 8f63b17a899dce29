package io.consilium.cases.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/**
 * The caller behind an event case-service published, written with the outbox row: the timeline names them when
 * the event comes back from the topic, while the event itself carries no patient's name.
 */
@Entity
@Table(name = "case_event_actor")
public class CaseEventActor extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;
    @Column(nullable = false)
    public String subject;
    @Column(nullable = false)
    public String role;
    public String name;

    public static CaseEventActor of(UUID eventId, TimelineActor actor) {
        CaseEventActor row = new CaseEventActor();
        row.eventId = eventId;
        row.subject = actor.subject();
        row.role = actor.role();
        row.name = actor.name();
        return row;
    }

    public TimelineActor actor() {
        return new TimelineActor(subject, role, name);
    }
}
