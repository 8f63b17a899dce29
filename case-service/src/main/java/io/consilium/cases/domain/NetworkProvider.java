package io.consilium.cases.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An in-network treatment provider of a tenant, as specialist-service (which owns the directory) announced it.
 * Kept so that a provider id a follow-up outcome names can be checked against the case's tenant.
 */
@Entity
@Table(name = "network_provider")
public class NetworkProvider extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String tenant;
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
    /** Treatment codes the provider offers, as last announced (empty for providers announced before issue 12). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> treatments = new ArrayList<>();
    /** The plan networks it belongs to, as last announced. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> networks = new ArrayList<>();

    public boolean offers(String treatmentCode) {
        return treatments.contains(treatmentCode);
    }

    /** Whether the id names a provider of the tenant's network. */
    public static boolean inNetworkOf(String tenant, UUID id) {
        NetworkProvider p = findById(id);
        return p != null && p.tenant.equals(tenant);
    }
}
