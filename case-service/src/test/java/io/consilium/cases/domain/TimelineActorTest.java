package io.consilium.cases.domain;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Whom a timeline entry names, and which viewer sees whose name. */
class TimelineActorTest {

    @Test
    void anotherServicesEventNamesWhoActedFromItsOwnFields() {
        Map<String, String> approved = Map.of("approvedBy", "dr-1", "approvedByName", "Dr. Carla Ruiz");
        assertThat(TimelineActor.named("consilium.report.approved.v1", approved::get))
                .contains(new TimelineActor("dr-1", "case-manager", "Dr. Carla Ruiz"));
        Map<String, String> declined = Map.of("specialistSubject", "sp-1", "specialistName", "Dr. Kenji Ito");
        assertThat(TimelineActor.named("consilium.specialist.declined.v1", declined::get))
                .contains(new TimelineActor("sp-1", "specialist", "Dr. Kenji Ito"));
    }

    @Test
    void anOlderEventWithoutTheNameStillNamesTheSubject() {
        Map<String, String> submitted = Map.of("specialistSubject", "sp-1");
        TimelineActor actor = TimelineActor.named("consilium.report.submitted.v1", submitted::get).orElseThrow();
        assertThat(actor.name()).isNull();
        assertThat(actor.nameFor(false)).isEqualTo("sp-1");
    }

    @Test
    void eventsThatNameNobodyHaveNoActor() {
        assertThat(TimelineActor.named("consilium.specialist.expired.v1", Map.of("specialistSubject", "sp-1")::get))
                .as("an expiry is the system's doing, not the specialist's").isEmpty();
        assertThat(TimelineActor.named("consilium.report.approved.v1", Map.<String, String>of()::get)).isEmpty();
        assertThat(TimelineActor.named("consilium.report.approved.v1", Map.of("approvedBy", " ")::get)).isEmpty();
    }

    @Test
    void aPatientsNameIsForThoseWhoSeeTheCaseInFull() {
        TimelineActor patient = new TimelineActor("p-1", "patient", "Ana García");
        assertThat(patient.nameFor(true)).isEqualTo("Ana García");
        assertThat(patient.nameFor(false)).as("partner and ops see the role only").isNull();
        TimelineActor doctor = new TimelineActor("dr-1", "case-manager", "Dr. Carla Ruiz");
        assertThat(doctor.nameFor(false)).isEqualTo("Dr. Carla Ruiz");
    }
}
