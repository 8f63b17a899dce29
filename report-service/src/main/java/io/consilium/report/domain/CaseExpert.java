package io.consilium.report.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** An expert invited to (and, once {@code acceptedAt} is set, on) the case's panel, as specialist-service announced. */
@Entity
@Table(name = "case_expert")
@IdClass(CaseExpert.Key.class)
public class CaseExpert extends PanacheEntityBase {

    public record Key(UUID caseId, String specialistSubject) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "case_id")
    public UUID caseId;
    @Id
    @Column(name = "specialist_subject")
    public String specialistSubject;
    @Column(name = "specialist_id")
    public String specialistId;
    /** The directory's name at acceptance (professional contact data, as the reports show it). */
    public String name;
    /** Where the expert practises (ISO 3166-1 alpha-2). */
    public String country;
    public Integer seat;
    /** The seat's specialty from the invitation (lower-case slug, e.g. dermatology). */
    public String specialty;
    @Column(name = "accepted_at")
    public Instant acceptedAt;

    public static CaseExpert forUpdate(UUID caseId, String subject) {
        CaseExpert e = findById(new Key(caseId, subject));
        if (e == null) {
            e = new CaseExpert();
            e.caseId = caseId;
            e.specialistSubject = subject;
            e.persist();
        }
        return e;
    }
}
