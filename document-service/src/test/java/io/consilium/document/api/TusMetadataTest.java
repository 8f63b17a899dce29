package io.consilium.document.api;

import io.consilium.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TusMetadataTest {

    @Test
    void decodesBase64PairsAndEmptyValues() {
        assertThat(TusMetadata.parse("filename aW5mb3JtZS5wZGY=,is_confidential"))
                .containsEntry("filename", "informe.pdf").containsEntry("is_confidential", "");
    }

    @Test
    void refusesBadBase64DuplicatesAndInvalidUtf8() {
        assertThatThrownBy(() -> TusMetadata.parse("filename %%%")).isInstanceOf(ProblemException.InvalidRequest.class);
        assertThatThrownBy(() -> TusMetadata.parse("a YQ==,a YQ==")).isInstanceOf(ProblemException.InvalidRequest.class);
        assertThatThrownBy(() -> TusMetadata.parse("filename /w==")).isInstanceOf(ProblemException.InvalidRequest.class);
    }
}
