package io.consilium.specialist.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** The latest brief of a case; an older one arriving late (redelivered, replayed) never replaces a newer one. */
@Entity
@Table(name = "case_brief")
public class CaseBrief extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;
    @Column(nullable = false)
    public String tenant;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public BriefContent content;
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** Keeps {@code content} when it is at least as new as what is stored. @return whether it was kept */
    public static boolean keep(UUID caseId, String tenant, BriefContent content, Instant changedAt) {
        CaseBrief brief = findById(caseId);
        if (brief == null) {
            brief = new CaseBrief();
            brief.caseId = caseId;
            brief.tenant = tenant;
            brief.content = content;
            brief.changedAt = changedAt;
            brief.persist();
            return true;
        }
        if (changedAt.isBefore(brief.changedAt)) {
            return false;
        }
        brief.content = content;
        brief.changedAt = changedAt;
        return true;
    }
}
