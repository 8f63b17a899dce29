package io.consilium.document;

import io.consilium.platform.testing.LayeringRules;
import org.junit.jupiter.api.Test;

/** document-service keeps the project's package layout; its adapters wrap storage, DICOM, PDFBox and Tika. */
class LayeringTest {

    @Test
    void packagesFollowTheProjectLayout() {
        LayeringRules.check("io.consilium.document", "storage", "dicom", "pdf", "tika");
    }
}
