package io.consilium.report.domain;

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

/** The request for the opinion as case-service submitted it: what the FHIR ServiceRequest says. */
@Entity
@Table(name = "case_request")
public class CaseRequest extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "member_id")
    public String memberId;
    @Column(name = "requested_specialty")
    public String requestedSpecialty;
    public String urgency;
    @Column(name = "diagnosis_icd10")
    public String diagnosisIcd10;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> reasons = new ArrayList<>();
    /** {@code patient} or {@code partner}; null from events older than issue 13. */
    @Column(name = "opened_by_role")
    public String openedByRole;
    @Column(name = "submitted_at")
    public Instant submittedAt;
}
