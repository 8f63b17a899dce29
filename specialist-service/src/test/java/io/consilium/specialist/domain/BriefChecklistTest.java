package io.consilium.specialist.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The brief's checklist from a checklist-changed of before its items were listed (open and waived items only). */
class BriefChecklistTest {

    @Test
    void anOlderEventGivesTheOpenItemsWithWhetherSomethingArrivedAndTheWaivedOnes() {
        UUID labs = UUID.randomUUID();
        UUID specimen = UUID.randomUUID();
        List<BriefChecklist.Item> items = BriefChecklist.fromOpenAndWaived(List.of(labs, specimen),
                List.of("LAB_RESULTS", "SPECIMEN_1"), List.of("RECEIVED", "REJECTED"), List.of("IMAGING"));
        assertThat(items).extracting(i -> i.code() + ":" + i.kind() + ":" + i.status())
                .containsExactly("LAB_RESULTS:RECORD:RECEIVED", "SPECIMEN_1:SPECIMEN:REQUESTED", "IMAGING:RECORD:WAIVED");
        assertThat(items.get(0).itemId()).isEqualTo(labs);
        assertThat(items.get(2).itemId()).isNull();
    }
}
