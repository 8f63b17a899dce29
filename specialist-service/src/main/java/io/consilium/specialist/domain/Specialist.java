package io.consilium.specialist.domain;

import io.consilium.platform.problem.ProblemException;
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
import java.util.UUID;

/** A specialist of the directory. Capacity changes only through {@link #reserveSeat()} and {@link #releaseSeat()}. */
@Entity
@Table(name = "specialist")
public class Specialist extends PanacheEntityBase {

    @Id
    public UUID id;
    /** The token subject the specialist logs in with; null until they have an account. */
    public String subject;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public String specialty;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> subspecialties = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> conditions = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> languages = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "licence_countries", nullable = false)
    public List<String> licenceCountries = new ArrayList<>();
    @Column(name = "practice_country", nullable = false)
    public String practiceCountry;
    @Column(nullable = false)
    public String institution;
    @Column(name = "monthly_capacity", nullable = false)
    public int monthlyCapacity;
    @Column(name = "current_load", nullable = false)
    public int currentLoad;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> absences = new ArrayList<>();
    @Column(name = "turnaround_days")
    public Double turnaroundDays;
    /** Reports averaged into {@link #turnaroundDays}; 0 while it is ops' own estimate (or unknown). */
    @Column(name = "turnaround_reports", nullable = false)
    public int turnaroundReports;
    @Column(nullable = false)
    public boolean active;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;

    public static Specialist create(SpecialistProfile profile, Instant now) {
        Specialist s = new Specialist();
        s.id = UUID.randomUUID();
        s.createdAt = now;
        s.apply(profile, now);
        return s;
    }

    public void apply(SpecialistProfile p, Instant now) {
        subject = p.subject();
        name = p.name();
        specialty = p.specialty();
        subspecialties = distinct(p.subspecialties());
        conditions = distinct(p.conditions());
        languages = distinct(p.languages());
        licenceCountries = distinct(p.licenceCountries());
        practiceCountry = p.practiceCountry();
        institution = p.institution();
        monthlyCapacity = p.monthlyCapacity();
        currentLoad = p.currentLoad();
        absences = p.absences().stream().map(Absence::stored).toList();
        turnaroundDays = p.turnaroundDays();
        active = p.active();
        updatedAt = now;
    }

    /** Takes one seat of this month's capacity, or refuses with 409 when none is left. */
    public void reserveSeat() {
        if (currentLoad >= monthlyCapacity) {
            throw new ProblemException.Conflict("The specialist has no capacity left this month");
        }
        currentLoad++;
    }

    public void releaseSeat() {
        currentLoad = Math.max(0, currentLoad - 1);
    }

    /**
     * Folds one report's turnaround into the running mean. An estimate entered by ops counts as one observation,
     * so the first real report does not wipe it out entirely.
     */
    public void recordTurnaround(double days) {
        if (turnaroundDays == null) {
            turnaroundDays = days;
        } else {
            int weight = Math.max(turnaroundReports, 1);
            turnaroundDays = Math.round((turnaroundDays * weight + days) / (weight + 1) * 100.0) / 100.0;
        }
        turnaroundReports++;
    }

    public List<Absence> absencePeriods() {
        return absences.stream().map(Absence::parse).toList();
    }

    public Candidate asCandidate() {
        return new Candidate(id, subject, specialty, subspecialties, conditions, languages, licenceCountries,
                practiceCountry, institution, monthlyCapacity, currentLoad, absencePeriods(), turnaroundDays, active);
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? new ArrayList<>() : new ArrayList<>(values.stream().distinct().toList());
    }
}
