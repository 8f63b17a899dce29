package io.consilium.report.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A frozen version of a report: canonical JSON and its SHA-256. Rows are never updated (a trigger refuses it). */
@Entity
@Immutable
@Table(name = "report_version")
public class ReportVersion extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "report_id", nullable = false)
    public UUID reportId;
    @Column(nullable = false)
    public int number;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public VersionKind kind;
    @Column(nullable = false)
    public String content;
    @Column(nullable = false)
    public String sha256;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    /** The author's name at the time the version was made (null for versions made before names were kept). */
    @Column(name = "created_by_name")
    public String createdByName;

    static ReportVersion of(Report report, int number, VersionKind kind, String canonical, String by, Instant now) {
        ReportVersion v = new ReportVersion();
        v.id = UUID.randomUUID();
        v.reportId = report.id;
        v.number = number;
        v.kind = kind;
        v.content = canonical;
        v.sha256 = CanonicalJson.sha256(canonical);
        v.createdBy = by;
        v.createdAt = now;
        return v;
    }

    public boolean intact() {
        return CanonicalJson.sha256(content).equals(sha256);
    }

    public static List<ReportVersion> ofReport(UUID reportId) {
        return list("reportId = ?1 order by number", reportId);
    }

    public static Optional<ReportVersion> find(UUID reportId, int number) {
        return find("reportId = ?1 and number = ?2", reportId, number).firstResultOptional();
    }

    /** The content of the latest submission (addenda excluded). */
    public static Optional<ReportVersion> latestSubmission(UUID reportId) {
        return find("reportId = ?1 and kind = ?2 order by number desc", reportId, VersionKind.SUBMISSION)
                .firstResultOptional();
    }
}
