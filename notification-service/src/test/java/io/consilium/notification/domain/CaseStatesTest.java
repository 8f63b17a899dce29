package io.consilium.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CaseStatesTest {

    @Test
    void eventsMoveTheStateAndOthersLeaveIt() {
        assertThat(CaseStates.after("consilium.case.submitted.v1", null)).isEqualTo("SUBMITTED");
        assertThat(CaseStates.after("consilium.specialist.panel-assembled.v1", "READY_FOR_REVIEW")).isEqualTo("IN_REVIEW");
        assertThat(CaseStates.after("consilium.report.released.v1", "REPORT_READY")).isEqualTo("REPORT_DELIVERED");
        assertThat(CaseStates.after("consilium.report.submitted.v1", "IN_REVIEW")).isEqualTo("IN_REVIEW");
    }

    @Test
    void anEndedCaseStaysEnded() {
        assertThat(CaseStates.after("consilium.case.records-requested.v1", "CANCELLED")).isEqualTo("CANCELLED");
        assertThat(CaseStates.after("consilium.report.released.v1", "CLOSED")).isEqualTo("CLOSED");
    }

    @Test
    void theCaseFileKeepsItsTenantAndPeople() {
        Instant now = Instant.now();
        CaseFile file = CaseFile.open(UUID.randomUUID(), "acme", now);
        assertThat(file.belongsTo("acme")).isTrue();
        assertThat(file.belongsTo("globex")).isFalse();
        file.patient(null, now);
        file.patient("p-1", now);
        file.patient(" ", now);
        assertThat(file.patientId).isEqualTo("p-1");
        file.after("consilium.case.manager-assigned.v1", now);
        assertThat(file.state).isEqualTo("MANAGER_ASSIGNED");
        assertThat(Urgency.urgent("consilium.case.sla-status-changed.v1", "BREACHED")).isTrue();
        assertThat(Urgency.urgent("consilium.case.sla-status-changed.v1", "AT_RISK")).isFalse();
    }
}
