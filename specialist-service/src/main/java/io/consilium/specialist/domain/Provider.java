package io.consilium.specialist.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An in-network treatment provider of one tenant (insurer), for the follow-up after the opinion. */
@Entity
@Table(name = "provider")
public class Provider extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String tenant;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProviderKind kind;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public String specialty;
    @Column(nullable = false)
    public String city;
    @Column(nullable = false)
    public String country;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> languages = new ArrayList<>();
    /** Treatments offered, as codes of the treatment catalogue ({@link TreatmentCatalogue}). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> treatments = new ArrayList<>();
    /** What the provider offers in its own words, for what the catalogue does not name. */
    @Column(name = "treatments_text")
    public String treatmentsText;
    /** The plan networks (of the tenant's plans) the provider belongs to, e.g. {@code acme-premium}. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> networks = new ArrayList<>();
    /** Where it is (WGS 84), both or neither: a search near the patient ranks by distance. */
    public Double latitude;
    public Double longitude;

    public boolean offers(String treatmentCode) {
        return treatments.contains(treatmentCode);
    }

    /** Kilometres from a point, or null when the provider has no coordinates. */
    public Double distanceKmFrom(double lat, double lon) {
        return latitude == null || longitude == null ? null : Distance.km(lat, lon, latitude, longitude);
    }
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;
}
