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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** An insurer's second-opinion plan: what it covers, how often, where, how fast and with how many experts. */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String tenant;
    @Column(nullable = false)
    public String name;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "covered_specialties", nullable = false)
    public List<String> coveredSpecialties = new ArrayList<>();
    @Column(name = "opinions_per_member_per_year", nullable = false)
    public int opinionsPerMemberPerYear;
    /** Empty means specialists of any country. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "allowed_specialist_countries", nullable = false)
    public List<String> allowedSpecialistCountries = new ArrayList<>();
    @Column(name = "records_sla_business_days", nullable = false)
    public int recordsSlaBusinessDays;
    @Column(name = "review_sla_business_days", nullable = false)
    public int reviewSlaBusinessDays;
    /** ISO dates (UTC) on which SLA clocks do not count, such as public holidays. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> holidays = new ArrayList<>();
    @Column(name = "max_panel_size", nullable = false)
    public int maxPanelSize;
    /** Hours an invited specialist has to accept, and then to report, per urgency (URGENT is the faster lane). */
    @Column(name = "urgent_accept_hours", nullable = false)
    public int urgentAcceptHours = 24;
    @Column(name = "routine_accept_hours", nullable = false)
    public int routineAcceptHours = 48;
    @Column(name = "urgent_report_hours", nullable = false)
    public int urgentReportHours = 72;
    @Column(name = "routine_report_hours", nullable = false)
    public int routineReportHours = 168;
    @Column(nullable = false)
    public boolean active;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;

    public Set<LocalDate> holidayDates() {
        return holidays.stream().map(LocalDate::parse).collect(Collectors.toUnmodifiableSet());
    }

    public ReviewDeadlines deadlinesFor(Urgency urgency) {
        return urgency == Urgency.URGENT ? new ReviewDeadlines(urgentAcceptHours, urgentReportHours)
                : new ReviewDeadlines(routineAcceptHours, routineReportHours);
    }

    public boolean covers(String specialty) {
        return coveredSpecialties.contains(specialty);
    }
}
