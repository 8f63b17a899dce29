package io.consilium.cases.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Who touched what of a case, read from the audit topic of every service. */
@Entity
@Table(name = "access_log_entry")
public class AccessLogEntry extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "case_id", nullable = false)
    public UUID caseId;
    @Column(nullable = false)
    public String subject;
    @Column(nullable = false)
    public String role;
    /** The actor's name as their token gave it at the time of the access; null for older records. */
    @Column(name = "actor_name")
    public String actorName;
    @Column(name = "object_type", nullable = false)
    public String objectType;
    @Column(name = "object_id")
    public String objectId;
    @Column(nullable = false)
    public String action;
    public String purpose;
    @Column(nullable = false)
    public boolean allowed;
    @Column(nullable = false)
    public String source;
    @Column(nullable = false)
    public Instant at;
}
