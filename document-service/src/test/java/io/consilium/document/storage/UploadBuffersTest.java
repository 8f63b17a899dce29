package io.consilium.document.storage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UploadBuffersTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void oneAppendRunsUpToItsOwnLimit() {
        UploadBuffers buffers = new UploadBuffers(64 * MIB);
        for (int inFlight = 1; inFlight < UploadBuffers.MAX_IN_FLIGHT; inFlight++) {
            assertThat(buffers.take(MIB, inFlight)).as("batch %d", inFlight).isFalse();
        }
        assertThat(buffers.take(MIB, UploadBuffers.MAX_IN_FLIGHT)).isTrue();
        int inFlight = UploadBuffers.MAX_IN_FLIGHT;
        for (; inFlight > UploadBuffers.MAX_IN_FLIGHT / 2 + 1; inFlight--) {
            assertThat(buffers.give(MIB, inFlight - 1)).as("%d left", inFlight - 1).isFalse();
        }
        assertThat(buffers.give(MIB, UploadBuffers.MAX_IN_FLIGHT / 2)).isTrue();
    }

    @Test
    void anOverdrawnBudgetHoldsEveryAppendToOneBatchAtATime() {
        UploadBuffers buffers = new UploadBuffers(3 * MIB);
        // Other appends hold the budget and more.
        buffers.take(4 * MIB, 4);
        assertThat(buffers.take(MIB, 1)).as("even a first batch pauses while overdrawn").isTrue();
        assertThat(buffers.give(MIB, 0)).as("its own batch done, it reads on").isTrue();

        assertThat(buffers.take(MIB, 1)).isTrue();
        assertThat(buffers.take(MIB, 2)).isTrue();
        assertThat(buffers.give(MIB, 1)).as("half done, budget still overdrawn").isFalse();
        buffers.give(4 * MIB, 0);
        assertThat(buffers.free()).isEqualTo(2 * MIB);
        assertThat(buffers.give(MIB, 0)).isTrue();
        assertThat(buffers.free()).isEqualTo(3 * MIB);
    }

    @Test
    void everyByteTakenIsGivenBack() {
        UploadBuffers buffers = new UploadBuffers(10 * MIB);
        for (int i = 1; i <= 5; i++) {
            buffers.take(MIB + i, i);
        }
        for (int i = 5; i >= 1; i--) {
            buffers.give(MIB + i, i - 1);
        }
        assertThat(buffers.free()).isEqualTo(10 * MIB);
    }
}
