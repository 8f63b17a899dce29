package io.consilium.document.domain;

import io.consilium.platform.problem.ProblemException;
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
    void longNamesKeepTheirExtension() {
        String name = FileNames.sanitise("x".repeat(400) + ".pdf");
        assertThat(name).hasSize(255).endsWith(".pdf");
    }
}
