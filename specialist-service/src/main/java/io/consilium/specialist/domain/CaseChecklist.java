package io.consilium.specialist.domain;

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
 * A case's checklist as document-service last published it ({@code checklist-changed}), for the brief. Only the
 * highest revision is kept: an older one arriving late (redelivered, replayed) never replaces a newer one.
 */
@Entity
@Table(name = "case_checklist")
public class CaseChecklist extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;
    @Column(nullable = false)
    public String tenant;
    @Column(nullable = false)
    public long revision;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<BriefChecklist.Item> items = new ArrayList<>();
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** Keeps {@code items} when {@code revision} is newer than what is stored. @return whether it was kept */
    public static boolean keep(UUID caseId, String tenant, long revision, List<BriefChecklist.Item> items,
                               Instant changedAt) {
        CaseChecklist kept = findById(caseId);
        if (kept == null) {
            kept = new CaseChecklist();
            kept.caseId = caseId;
            kept.tenant = tenant;
            kept.revision = revision;
            kept.items = List.copyOf(items);
            kept.changedAt = changedAt;
            kept.persist();
            return true;
        }
        if (revision <= kept.revision) {
            return false;
        }
        kept.revision = revision;
        kept.items = List.copyOf(items);
        kept.changedAt = changedAt;
        return true;
    }

    /** The brief's items: none before document-service has built the checklist, or for another tenant's case. */
    public static List<BriefChecklist.Item> itemsOf(UUID caseId, String tenant) {
        CaseChecklist kept = findById(caseId);
        return kept == null || !kept.tenant.equals(tenant) ? List.of() : kept.items;
    }
}
