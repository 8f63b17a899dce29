package io.consilium.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** An invitation seen on specialist-service's events: who a reminder about it goes to. */
@Entity
@Table(name = "case_invitation")
public class CaseInvitation extends PanacheEntityBase {

    @Id
    @Column(name = "invitation_id")
    public UUID invitationId;
    @Column(name = "case_id", nullable = false)
    public UUID caseId;
    @Column(name = "specialist_subject", nullable = false)
    public String specialistSubject;

    public static CaseInvitation of(UUID invitationId, UUID caseId, String specialistSubject) {
        CaseInvitation i = new CaseInvitation();
        i.invitationId = invitationId;
        i.caseId = caseId;
        i.specialistSubject = specialistSubject;
        return i;
    }
}
