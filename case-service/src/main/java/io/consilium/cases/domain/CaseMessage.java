package io.consilium.cases.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One message of the secure thread between the patient and their personal doctor. Immutable once written. */
@Entity
@Table(name = "case_message")
public class CaseMessage extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "case_id", nullable = false)
    public UUID caseId;
    @Column(nullable = false)
    public String author;
    @Column(name = "author_role", nullable = false)
    public String authorRole;
    @Column(nullable = false)
    public String body;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
