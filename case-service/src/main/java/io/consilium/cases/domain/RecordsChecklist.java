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
 * The case's records checklist as document-service last published it ({@code checklist-changed}): whether it is
 * complete and which required items are still open. Only the highest revision counts, so a replayed older event
 * never reopens or closes what a newer one said.
 */
@Entity
@Table(name = "records_checklist")
public class RecordsChecklist extends PanacheEntityBase {

    /** A required item neither accepted nor waived: its code and its state (PENDING, RECEIVED, REJECTED). */
    public record OpenItem(String code, String state) {
    }

    @Id
    @Column(name = "case_id")
    public UUID caseId;
    @Column(nullable = false)
    public String tenant;
    @Column(nullable = false)
    public long revision;
    @Column(nullable = false)
    public boolean complete;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "open_items", nullable = false)
    public List<OpenItem> openItems = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> waived = new ArrayList<>();
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * Applies a published state if it is newer than the one kept.
     *
     * @return whether it was applied
     */
    public boolean advance(long newRevision, boolean nowComplete, List<OpenItem> open, List<String> waivedCodes,
                           Instant changed, Instant now) {
        if (newRevision <= revision) {
            return false;
        }
        revision = newRevision;
        complete = nowComplete;
        openItems = new ArrayList<>(open);
        waived = new ArrayList<>(waivedCodes);
        changedAt = changed;
        updatedAt = now;
        return true;
    }
}
