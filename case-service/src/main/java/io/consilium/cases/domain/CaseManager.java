package io.consilium.cases.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A personal doctor of a tenant's team, identified by their token subject. */
@Entity
@Table(name = "case_manager")
public class CaseManager extends PanacheEntityBase {

    @Id
    public String subject;
    @Column(nullable = false)
    public String tenant;
    @Column(nullable = false)
    public String name;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> languages = new ArrayList<>();
    /** Most open cases at once. */
    @Column(nullable = false)
    public int capacity;
    @Column(nullable = false)
    public boolean active;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;
}
