package io.consilium.document.pdf;

import io.consilium.document.support.Fixtures;
import io.consilium.document.support.Pdfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Active content in PDFs written with PDFBox, found by walking the parsed objects. */
class PdfActiveContentTest {

    @TempDir
    Path dir;

    private Path file(byte[] bytes) throws Exception {
        return Files.write(dir.resolve("f" + System.nanoTime() + ".pdf"), bytes);
    }

    @Test
    void aPlainPdfHasNone() throws Exception {
        assertThat(PdfActiveContent.of(file(Pdfs.clean(1)))).isEmpty();
    }

    @Test
    void theTestSuitesMinimalPdfsAreReadableAndPlain() throws Exception {
        assertThat(PdfActiveContent.of(file(Fixtures.pdf(1)))).isEmpty();
        assertThat(PdfActiveContent.of(file(Fixtures.pdfOfSize(300_000)))).isEmpty();
    }

    @Test
    void javaScriptIsFoundWhereverItActs() throws Exception {
        assertThat(PdfActiveContent.of(file(Pdfs.openActionJavaScript(1)))).containsExactly("JavaScript");
        assertThat(PdfActiveContent.of(file(Pdfs.namesTreeJavaScript(1)))).containsExactly("JavaScript");
        assertThat(PdfActiveContent.of(file(Pdfs.pageOpenJavaScript(1)))).containsExactly("JavaScript");
    }

    @Test
    void launchActionsAndEmbeddedFilesAreFound() throws Exception {
        assertThat(PdfActiveContent.of(file(Pdfs.linkLaunchingAProgram(1)))).contains("a launch action");
        assertThat(PdfActiveContent.of(file(Pdfs.embeddedFile(1)))).containsExactly("an embedded file");
    }

    @Test
    void aPdfThatCannotBeParsedIsUnreadable() throws Exception {
        Path broken = file("%PDF-1.7\n%\u00e2\u00e3\nthis is no PDF at all".getBytes());
        assertThatThrownBy(() -> PdfActiveContent.of(broken)).isInstanceOf(PdfActiveContent.Unreadable.class);
    }
}
