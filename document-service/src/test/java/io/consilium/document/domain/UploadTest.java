package io.consilium.document.domain;

import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.ProblemType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The upload's state machine: every way out of IN_PROGRESS, and none out of a final state. */
class UploadTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant LATER = CREATED.plusSeconds(60);
    private static final UUID DOCUMENT = UUID.randomUUID();

    private static Upload started() {
        return Upload.start(UUID.randomUUID(), "tenant", "patient-1", "patient",
                new Upload.Declared(10, "scan.pdf", "application/pdf", "OTHER", null, null), CREATED);
    }

    @Test
    void aNewUploadIsInProgressWithWhatWasDeclared() {
        Upload upload = started();
        assertThat(upload.state()).isEqualTo(Upload.State.IN_PROGRESS);
        assertThat(upload.inProgress()).isTrue();
        assertThat(upload.id).isNotNull();
        assertThat(upload.length).isEqualTo(10);
        assertThat(upload.filename).isEqualTo("scan.pdf");
        assertThat(upload.updatedAt()).isEqualTo(CREATED);
        assertThat(upload.reason()).isNull();
        assertThat(upload.documentId()).isNull();
    }

    @Test
    void completingNamesTheDocument() {
        Upload upload = started();
        upload.complete(DOCUMENT, LATER);
        assertThat(upload.state()).isEqualTo(Upload.State.COMPLETED);
        assertThat(upload.documentId()).isEqualTo(DOCUMENT);
        assertThat(upload.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void refusingKeepsTheReason() {
        Upload upload = started();
        upload.refuse("CHECKSUM_MISMATCH", LATER);
        assertThat(upload.state()).isEqualTo(Upload.State.REJECTED);
        assertThat(upload.reason()).isEqualTo("CHECKSUM_MISMATCH");
        assertThat(upload.documentId()).isNull();
    }

    @Test
    void aDuplicateNamesTheExistingDocument() {
        Upload upload = started();
        upload.markDuplicate(DOCUMENT, LATER);
        assertThat(upload.state()).isEqualTo(Upload.State.DUPLICATE);
        assertThat(upload.documentId()).isEqualTo(DOCUMENT);
        assertThat(upload.reason()).isEqualTo("DUPLICATE");
    }

    @Test
    void expiringEndsAnIdleUpload() {
        Upload upload = started();
        assertThat(upload.idleSince(LATER)).isTrue();
        assertThat(upload.idleSince(CREATED)).as("not idle before it was last touched").isFalse();
        upload.expire(LATER);
        assertThat(upload.state()).isEqualTo(Upload.State.EXPIRED);
        assertThat(upload.reason()).isEqualTo("EXPIRED");
        assertThat(upload.idleSince(LATER.plusSeconds(3600))).as("only uploads in progress are idle").isFalse();
    }

    @Test
    void anAdmittedAppendRestartsTheIdleTime() {
        Upload upload = started();
        upload.appending(LATER);
        assertThat(upload.updatedAt()).isEqualTo(LATER);
        assertThat(upload.idleSince(LATER)).isFalse();
        assertThat(upload.state()).isEqualTo(Upload.State.IN_PROGRESS);
    }

    @Test
    void noTransitionLeavesAFinalState() {
        for (Consumer<Upload> end : endings()) {
            Upload upload = started();
            end.accept(upload);
            Upload.State ended = upload.state();
            String reason = upload.reason();
            UUID document = upload.documentId();
            for (Consumer<Upload> again : endings()) {
                assertThatThrownBy(() -> again.accept(upload))
                        .isInstanceOf(ProblemException.class)
                        .satisfies(e -> assertThat(((ProblemException) e).type()).isEqualTo(ProblemType.CONFLICT))
                        .hasMessageContaining("cannot become");
            }
            assertThatThrownBy(() -> upload.appending(LATER.plusSeconds(1)))
                    .isInstanceOf(ProblemException.Conflict.class)
                    .hasMessage("The upload is already " + ended.name().toLowerCase());
            assertThat(upload.state()).as("still " + ended).isEqualTo(ended);
            assertThat(upload.reason()).isEqualTo(reason);
            assertThat(upload.documentId()).isEqualTo(document);
            assertThat(upload.updatedAt()).isEqualTo(LATER);
        }
    }

    private static java.util.List<Consumer<Upload>> endings() {
        return java.util.List.of(
                u -> u.complete(DOCUMENT, LATER),
                u -> u.refuse("TOO_LARGE", LATER),
                u -> u.markDuplicate(UUID.randomUUID(), LATER),
                u -> u.expire(LATER));
    }
}
