package io.consilium.cases.domain;

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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A second-opinion case. Its state changes only through its methods, each of which refuses an illegal
 * transition with a 409 and leaves the case as it was.
 */
@Entity
@Table(name = "smo_case")
public class SmoCase extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String tenant;
    @Column(name = "member_id", nullable = false)
    public String memberId;
    @Column(name = "patient_id")
    public String patientId;
    @Column(name = "opened_by", nullable = false)
    public String openedBy;
    @Column(name = "opened_by_role", nullable = false)
    public String openedByRole;
    @Column(name = "manager_id")
    public String managerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseState state;

    @Column(name = "patient_name")
    public String patientName;
    @Column(name = "patient_email")
    public String patientEmail;
    @Column(name = "patient_phone")
    public String patientPhone;
    @Column(name = "preferred_language", nullable = false)
    public String preferredLanguage;
    @Column(name = "country_of_residence", nullable = false)
    public String countryOfResidence;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> reasons = new ArrayList<>();
    @Column(name = "diagnosis_text", nullable = false)
    public String diagnosisText;
    @Column(name = "diagnosis_icd10")
    public String diagnosisIcd10;
    @Column(name = "proposed_treatment")
    public String proposedTreatment;
    @Column(name = "treating_doctor_name")
    public String treatingDoctorName;
    @Column(name = "treating_institution")
    public String treatingInstitution;
    @Column(name = "treating_country")
    public String treatingCountry;
    @Column(name = "requested_specialty", nullable = false)
    public String requestedSpecialty;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Urgency urgency;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "standard_questions", nullable = false)
    public List<String> standardQuestions = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "other_questions", nullable = false)
    public List<String> otherQuestions = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Version
    public long version;

    /** Opens a case in DRAFT. A patient's own case is linked to them; a partner may name the patient's account. */
    public static SmoCase open(Intake intake, Opener opener, Instant now) {
        SmoCase c = new SmoCase();
        c.id = UUID.randomUUID();
        c.tenant = opener.tenant();
        c.memberId = intake.memberId();
        c.patientId = intake.patientId();
        c.openedBy = opener.subject();
        c.openedByRole = opener.role();
        c.state = CaseState.DRAFT;
        c.patientName = intake.patient().name();
        c.patientEmail = intake.patient().email();
        c.patientPhone = intake.patient().phone();
        c.preferredLanguage = intake.patient().preferredLanguage();
        c.countryOfResidence = intake.patient().countryOfResidence();
        c.reasons = intake.reasons().stream().map(Enum::name).distinct().toList();
        c.diagnosisText = intake.diagnosisText();
        c.diagnosisIcd10 = intake.diagnosisIcd10();
        c.proposedTreatment = intake.proposedTreatment();
        c.treatingDoctorName = intake.treatingDoctorName();
        c.treatingInstitution = intake.treatingInstitution();
        c.treatingCountry = intake.treatingCountry();
        c.requestedSpecialty = intake.requestedSpecialty();
        c.urgency = intake.urgency();
        c.standardQuestions = intake.questions().stream().map(Enum::name).distinct().toList();
        c.otherQuestions = List.copyOf(intake.otherQuestions());
        c.createdAt = now;
        c.updatedAt = now;
        return c;
    }

    /** DRAFT to SUBMITTED: the intake is final and the case enters the eligibility and assignment steps. */
    public void submit(Instant now) {
        moveTo(CaseState.SUBMITTED, now);
        submittedAt = now;
    }

    private void moveTo(CaseState next, Instant now) {
        if (!state.mayMoveTo(next)) {
            throw new ProblemException.Conflict("A case in state " + state + " cannot move to " + next);
        }
        state = next;
        updatedAt = now;
    }
}
