package io.consilium.document.service;

import io.consilium.document.domain.AllowedType;
import io.quarkus.runtime.configuration.MemorySize;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The per-type limits of consilium.document.upload.max-size.<type>. */
class ContentPolicyTest {

    private static MemorySize mib(long n) {
        return new MemorySize(java.math.BigInteger.valueOf(n * 1024 * 1024));
    }

    @Test
    void configuredTypesGetTheirLimitAndOthersTheDefault() {
        ContentPolicy policy = new ContentPolicy(Map.of("pdf", mib(5), "zip", mib(1000)));
        assertThat(policy.limit(AllowedType.PDF)).isEqualTo(5L * 1024 * 1024);
        assertThat(policy.limit(AllowedType.PNG)).isEqualTo(ContentPolicy.DEFAULT_LIMIT);
        assertThat(policy.largestLimit()).isEqualTo(1000L * 1024 * 1024);
        assertThat(policy.undeclaredLimit()).as("imaging limits do not count without a declared type")
                .isEqualTo(ContentPolicy.DEFAULT_LIMIT);
    }

    @Test
    void anUnknownTypeNameFailsTheStart() {
        assertThatThrownBy(() -> new ContentPolicy(Map.of("pdff", mib(5))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("consilium.document.upload.max-size.pdff")
                .hasMessageContaining("pdf, jpeg, png, tiff, dicom, zip");
    }
}
