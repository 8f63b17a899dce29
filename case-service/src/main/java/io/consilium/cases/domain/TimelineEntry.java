package io.consilium.cases.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One event in the life of a case, as seen on the topics (metadata only: type, source, time). */
@Entity
@Table(name = "case_timeline_entry")
public class TimelineEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Column(name = "case_id", nullable = false)
    public UUID caseId;
    public String tenant;
    @Column(nullable = false)
    public String type;
    @Column(nullable = false)
    public String source;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    /**
     * What those who see the case's content should know beyond the type, e.g. why records were completed while
     * checklist items were open; never shown to the partner (metadata only).
     */
    public String note;
    /** Who acted, as the event or the request said at the time; null when the system acted or nobody is named. */
    @Column(name = "actor_subject")
    public String actorSubject;
    @Column(name = "actor_role")
    public String actorRole;
    @Column(name = "actor_name")
    public String actorName;

    public java.util.Optional<TimelineActor> actor() {
        return actorSubject == null ? java.util.Optional.empty()
                : java.util.Optional.of(new TimelineActor(actorSubject, actorRole, actorName));
    }

    public void actedBy(TimelineActor actor) {
        actorSubject = actor.subject();
        actorRole = actor.role();
        actorName = actor.name();
    }

    public static List<TimelineEntry> ofCase(UUID caseId) {
        return list("caseId = ?1 order by occurredAt, id", caseId);
    }
}
