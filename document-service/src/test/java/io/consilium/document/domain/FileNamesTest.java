package io.consilium.document.domain;

import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileNamesTest {

    @Test
    void directoryPartsAreDroppedWhateverTheSeparator() {
        assertThat(FileNames.sanitise("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitise("..\\..\\windows\\system.ini")).isEqualTo("system.ini");
        assertThat(FileNames.sanitise("/abs/path/report.pdf")).isEqualTo("report.pdf");
        assertThat(FileNames.sanitise("informe médico.pdf")).isEqualTo("informe médico.pdf");
    }

    @Test
    void controlCharactersAndBidiOverridesAreRefused() {
        for (String name : new String[]{"a\u0000.pdf", "a\r\nb.pdf", "x\u001b[31m.pdf", "a\u007f.pdf", "a\u0085.pdf",
                "invoice\u202Efdp.exe"}) {
            assertThatThrownBy(() -> FileNames.sanitise(name)).as(name).isInstanceOf(ProblemException.InvalidRequest.class);
        }
    }

    @Test
    void namesThatAreOnlyDirectoriesAreRefused() {
        for (String name : new String[]{"..", ".", "a/..", "dir/", "", "   "}) {
            assertThatThrownBy(() -> FileNames.sanitise(name)).as(name).isInstanceOf(ProblemException.InvalidRequest.class);
        }
    }

    @Test
    void namesOfMoreThan255CharactersAreRefusedNamingTheField() {
        assertThat(FileNames.sanitise("x".repeat(251) + ".pdf")).hasSize(255);
        for (String name : new String[]{"x".repeat(252) + ".pdf", "x".repeat(296) + ".pdf", "dir/" + "y".repeat(256)}) {
            assertThatThrownBy(() -> FileNames.sanitise(name)).as("%d characters", name.length())
                    .isInstanceOf(ProblemException.InvalidRequest.class)
                    .satisfies(e -> assertThat(((ProblemException) e).violations())
                            .containsExactly(new Violation("Upload-Metadata.filename", "must not be longer than 255 characters")));
        }
    }

    @Test
    void theExtensionFollowsTheDetectedType() {
        assertThat(FileNames.withExtensionOf("scan.pdf", AllowedType.PNG)).isEqualTo("scan.png");
        assertThat(FileNames.withExtensionOf("report.pdf", AllowedType.PDF)).isEqualTo("report.pdf");
        assertThat(FileNames.withExtensionOf("Photo.JPG", AllowedType.JPEG)).isEqualTo("Photo.JPG");
        assertThat(FileNames.withExtensionOf("photo.jpeg", AllowedType.JPEG)).isEqualTo("photo.jpeg");
        assertThat(FileNames.withExtensionOf("slide.tif", AllowedType.TIFF)).isEqualTo("slide.tif");
        assertThat(FileNames.withExtensionOf("IM0001", AllowedType.DICOM)).isEqualTo("IM0001.dcm");
        assertThat(FileNames.withExtensionOf("1.2.840.1.5", AllowedType.DICOM)).isEqualTo("1.2.840.1.5.dcm");
        assertThat(FileNames.withExtensionOf("study.zip.pdf", AllowedType.ZIP)).isEqualTo("study.zip.zip");
        assertThat(FileNames.withExtensionOf(".pdf", AllowedType.PNG)).as("a dot file has no extension").isEqualTo(".pdf.png");
        String longest = "x".repeat(251) + ".pdf";
        assertThat(FileNames.withExtensionOf(longest, AllowedType.TIFF)).hasSize(255).endsWith(".tif");
        assertThat(FileNames.withExtensionOf("y".repeat(255), AllowedType.DICOM)).hasSize(255).endsWith("y.dcm");
    }
}
