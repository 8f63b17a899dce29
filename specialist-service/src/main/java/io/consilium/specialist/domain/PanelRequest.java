package io.consilium.specialist.domain;

import io.consilium.platform.problem.ProblemException;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A case's request for a panel of specialists, as case-service asked for it, and where the panel stands. */
@Entity
@Table(name = "panel_request")
public class PanelRequest extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;
    @Column(nullable = false)
    public String tenant;
    @Column(nullable = false)
    public String specialty;
    public String subspecialty;
    @Column(name = "diagnosis_icd10")
    public String diagnosisIcd10;
    @Column(name = "preferred_language", nullable = false)
    public String preferredLanguage;
    @Column(name = "country_of_residence", nullable = false)
    public String countryOfResidence;
    @Column(name = "treating_institution")
    public String treatingInstitution;
    @Column(name = "panel_size", nullable = false)
    public int panelSize;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "allowed_countries", nullable = false)
    public List<String> allowedCountries = new ArrayList<>();
    /** The seats, numbered from 1; {@code panelSize} is their number. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Seat> seats = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "excluded_countries", nullable = false)
    public List<String> excludedCountries = new ArrayList<>();
    /** At least this many of the panel's specialists practise outside the patient's country of residence. */
    @Column(name = "min_outside_residence", nullable = false)
    public int minOutsideResidence;
    /** The plan's time to accept for the case's urgency; null: this service's default. */
    @Column(name = "accept_within_hours")
    public Integer acceptWithinHours;
    /** The plan's time from accepting to the report for the case's urgency; null: this service's default. */
    @Column(name = "report_within_hours")
    public Integer reportWithinHours;
    @Column(name = "due_by")
    public Instant dueBy;
    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PanelState state;
    /** Seats ops were last alerted about ({@code no-candidate}); an alert is repeated only when this changes. */
    @Column(name = "unfilled_seats", nullable = false)
    public int unfilledSeats;
    /** Which seats that alert named. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "short_seats", nullable = false)
    public List<Integer> shortSeats = new ArrayList<>();
    @Column(name = "assembled_at")
    public Instant assembledAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;

    /** What a review request asks for: the terms a panel opens (or, short of candidates, reopens) with. */
    public record Terms(UUID caseId, String tenant, String specialty, String subspecialty, String diagnosisIcd10,
                        String preferredLanguage, String countryOfResidence, String treatingInstitution,
                        List<Seat> seats, List<String> allowedCountries, List<String> excludedCountries,
                        int minOutsideResidence, Integer acceptWithinHours, Integer reportWithinHours,
                        Instant dueBy, Instant requestedAt) {
        public Terms {
            seats = List.copyOf(seats);
            allowedCountries = allowedCountries == null ? List.of() : List.copyOf(allowedCountries);
            excludedCountries = excludedCountries == null ? List.of() : List.copyOf(excludedCountries);
        }

        /** A request of {@code panelSize} seats of one specialty, as review requests were before seats. */
        public static List<Seat> oneSpecialty(String specialty, String subspecialty, int panelSize) {
            return java.util.stream.IntStream.rangeClosed(1, panelSize)
                    .mapToObj(n -> new Seat(n, specialty, subspecialty)).toList();
        }
    }

    /** A new panel for a case, OPEN, to be filled with invitations. */
    public static PanelRequest open(Terms terms, Instant now) {
        PanelRequest panel = new PanelRequest();
        panel.caseId = terms.caseId();
        panel.tenant = terms.tenant();
        panel.take(terms);
        panel.state = PanelState.OPEN;
        panel.updatedAt = now;
        return panel;
    }

    private void take(Terms terms) {
        specialty = terms.specialty();
        subspecialty = terms.subspecialty();
        diagnosisIcd10 = terms.diagnosisIcd10();
        preferredLanguage = terms.preferredLanguage();
        countryOfResidence = terms.countryOfResidence();
        treatingInstitution = terms.treatingInstitution();
        seats = new ArrayList<>(terms.seats());
        panelSize = seats.size();
        allowedCountries = new ArrayList<>(terms.allowedCountries());
        excludedCountries = new ArrayList<>(terms.excludedCountries());
        minOutsideResidence = terms.minOutsideResidence();
        acceptWithinHours = terms.acceptWithinHours();
        reportWithinHours = terms.reportWithinHours();
        dueBy = terms.dueBy();
        requestedAt = terms.requestedAt();
    }

    /** The panel is short of these seats (announced as no-candidate). */
    public void shortOf(List<Integer> seatNumbers) {
        unfilledSeats = seatNumbers.size();
        shortSeats = new ArrayList<>(seatNumbers);
    }

    public Seat seat(int number) {
        return seats.stream().filter(s -> s.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No seat " + number + " on the panel of " + caseId));
    }

    /**
     * What {@code seat} asks of its specialist: its specialty, and its focus in place of the case's subspecialty
     * or diagnosis code.
     */
    public ReviewRequest toReviewRequest(Seat seat, Set<UUID> alreadyInvited, boolean outsideResidenceRequired) {
        return new ReviewRequest(seat.specialty(), seat.focusIsSubspecialty() ? seat.focus() : subspecialty,
                seat.focusIsCondition() ? seat.focus() : diagnosisIcd10, preferredLanguage, countryOfResidence,
                treatingInstitution, panelSize, new HashSet<>(allowedCountries), alreadyInvited,
                dueBy == null ? null : LocalDate.ofInstant(dueBy, ZoneOffset.UTC), new HashSet<>(excludedCountries),
                outsideResidenceRequired);
    }

    public void assemble(Instant now) {
        if (!state.acceptsInvitations()) {
            throw new ProblemException.Conflict("A panel in state " + state + " cannot be assembled");
        }
        state = PanelState.ASSEMBLED;
        assembledAt = now;
        unfilledSeats = 0;
        shortSeats = new ArrayList<>();
        updatedAt = now;
    }

    /** Nothing pending and no candidate left: the panel waits for ops. */
    public void markUnfilled(Instant now) {
        state = PanelState.UNFILLED;
        updatedAt = now;
    }

    /** An invitation went out again (ops' override): the panel is being filled. */
    public void reopen(Instant now) {
        if (state == PanelState.UNFILLED) {
            state = PanelState.OPEN;
            updatedAt = now;
        }
    }

    public void end(PanelState finalState, Instant now) {
        if (finalState != PanelState.CANCELLED && finalState != PanelState.CLOSED) {
            throw new IllegalArgumentException("Not a final state: " + finalState);
        }
        state = finalState;
        updatedAt = now;
    }

    /**
     * Whether a new review request may replace this panel's terms: it was announced as short of candidates
     * (no-candidate), whether or not some invitations are still pending.
     */
    public boolean reopenable() {
        return state == PanelState.UNFILLED || (state == PanelState.OPEN && unfilledSeats > 0);
    }

    /** A panel short of candidates asked for again, possibly more widely or smaller: the new terms replace the old. */
    public void reopen(Terms with, Instant now) {
        if (!reopenable()) {
            throw new IllegalStateException("Only a panel short of candidates can be reopened, not a " + state + " one");
        }
        take(with);
        unfilledSeats = 0;
        shortSeats = new ArrayList<>();
        state = PanelState.OPEN;
        updatedAt = now;
    }
}
