package io.consilium.cases.consumers;

import io.consilium.platform.testing.PayloadContracts;
import org.junit.jupiter.api.Test;

class AccessRecordedPayloadTest {

    @Test
    void accessRecordNeedsWhoWhatAndTheVerdict() {
        PayloadContracts.assertRequired(AccessLogRecorder.AccessRecorded.class, """
                {"subject":"dr-carla","role":"case-manager","tenant":"acme","objectType":"document",
                 "objectId":"d-1","caseId":"7d9f4c2e-1b3a-4e5f-8a6b-9c0d1e2f3a4b","action":"READ","purpose":"care",
                 "allowed":true,"at":"2026-12-01T10:00:00Z"}""",
                "subject", "role", "objectType", "action", "allowed");
    }
}
