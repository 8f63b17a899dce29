package io.consilium.cases.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One line of an insurer's member roster: who is covered, by which plan, from when to when. */
@Entity
@Table(name = "roster_member")
@IdClass(RosterMember.Key.class)
public class RosterMember extends PanacheEntityBase {

    public record Key(String tenant, String memberId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    public String tenant;
    @Id
    @Column(name = "member_id")
    public String memberId;
    @Column(name = "plan_id", nullable = false)
    public UUID planId;
    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean coveredOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
