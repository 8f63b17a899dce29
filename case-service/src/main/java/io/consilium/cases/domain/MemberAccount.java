package io.consilium.cases.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * The patient account of one member of a tenant. It is recorded the first time a patient's token names the
 * member (tenant and memberId are read-only account attributes), so a partner that opens a case for the member
 * later gets the account from here, never from its own request.
 */
@Entity
@Table(name = "member_account")
@IdClass(MemberAccount.Key.class)
public class MemberAccount extends PanacheEntityBase {

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
    @Column(name = "patient_id", nullable = false)
    public String patientId;
    @Column(name = "linked_at", nullable = false)
    public Instant linkedAt;

    public static Optional<MemberAccount> of(String tenant, String memberId) {
        return Optional.ofNullable(findById(new Key(tenant, memberId)));
    }

    /** The member the account is linked to in the tenant, if any. */
    public static Optional<MemberAccount> ofPatient(String tenant, String patientId) {
        return find("tenant = ?1 and patientId = ?2", tenant, patientId).firstResultOptional();
    }

    public boolean isAccount(String subject) {
        return patientId.equals(subject);
    }
}
