package io.consilium.platform.consumer;

import io.consilium.platform.cloudevents.InvalidEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterFiledTest {

    private static final UUID LETTER = UUID.randomUUID();
    private static final UUID EVENT = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-12-02T04:00:00Z");

    @Test
    void theNoticeNamesServiceConsumerEventAndReasonButNeverTheErrorText() throws Exception {
        DeadLetterFiled notice = DeadLetterFiled.of(LETTER, "/case-service", "case-timeline", "consilium.x.v1", EVENT,
                new IllegalStateException("patient Jane Doe, diagnosis C61"), 3, false, AT);
        assertThat(notice).isEqualTo(new DeadLetterFiled(LETTER, "case-service", "case-timeline", "consilium.x.v1", EVENT,
                DeadLetterFiled.FAILED, "IllegalStateException", 3, AT));
        String json = new ObjectMapper().registerModule(new JavaTimeModule()).writeValueAsString(notice);
        assertThat(json).doesNotContain("Jane").doesNotContain("C61");
    }

    @Test
    void aBrokenContractIsSaidSo() {
        DeadLetterFiled notice = DeadLetterFiled.of(LETTER, "notification-service", "notification-inputs", "t", EVENT,
                new InvalidEvent("missing patientId"), 1, true, AT);
        assertThat(notice.reason()).isEqualTo(DeadLetterFiled.CONTRACT_BROKEN);
        assertThat(notice.service()).isEqualTo("notification-service");
        assertThat(notice.errorType()).isEqualTo("InvalidEvent");
    }
}
