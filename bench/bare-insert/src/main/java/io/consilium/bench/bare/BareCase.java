package io.consilium.bench.bare;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The one table: a few columns of a case's intake, nothing else. */
@Entity
@Table(name = "bare_case")
public class BareCase extends PanacheEntityBase {

    @Id
    public UUID id;
    public String memberId;
    public String specialty;
    public String urgency;
    @Column(length = 2000)
    public String diagnosis;
    @Column(length = 2000)
    public String proposedTreatment;
    public Instant createdAt;
}
