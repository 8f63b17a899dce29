package io.consilium.platform.consumer;

import io.consilium.platform.cloudevents.InvalidEvent;
import io.consilium.platform.testing.PayloadContracts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventPayloadsTest {

    record Item(@NotNull UUID id, String note) {
    }

    record Sample(@NotNull UUID consentId, @NotBlank String purpose, Instant at,
                  @NotNull List<@NotNull @Valid Item> items) {
    }

    private static final String COMPLETE = """
            {"consentId":"%s","purpose":"RECORDS","at":"2026-12-01T10:00:00Z","unknown":1,
             "items":[{"id":"%s","note":"n"}]}""".formatted(UUID.randomUUID(), UUID.randomUUID());

    @Test
    void completePayloadIsReadAndUnknownFieldsIgnored() {
        Sample s = PayloadContracts.read(COMPLETE, Sample.class);
        assertThat(s.purpose()).isEqualTo("RECORDS");
        assertThat(s.items()).hasSize(1);
    }

    @Test
    void eachMissingRequiredFieldIsABrokenContract() {
        PayloadContracts.assertRequired(Sample.class, COMPLETE, "consentId", "purpose", "items", "items.id");
    }

    @Test
    void refusalNamesTheFieldsNotTheValues() {
        assertThatThrownBy(() -> PayloadContracts.read("{\"purpose\":\"  \",\"items\":[]}", Sample.class))
                .isInstanceOf(InvalidEvent.class)
                .hasMessageContaining("consentId")
                .hasMessageContaining("purpose")
                .hasMessageNotContaining("  \"");
        assertThatThrownBy(() -> PayloadContracts.read("null", Sample.class)).isInstanceOf(InvalidEvent.class);
    }
}
