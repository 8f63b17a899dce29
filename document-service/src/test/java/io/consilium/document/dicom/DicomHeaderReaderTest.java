package io.consilium.document.dicom;

import io.consilium.document.support.DicomFiles;
import io.consilium.document.support.DicomFiles.Study;
import io.consilium.document.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The header reader on files written byte by byte in each transfer syntax, and on broken ones. */
class DicomHeaderReaderTest {

    @Test
    void readsExplicitVrLittleEndian() throws Exception {
        DicomHeader header = read(DicomFiles.file(DicomFiles.EXPLICIT, Study.ct("11"), 512));
        assertIndexed(header, "11");
        assertThat(header.transferSyntax()).isEqualTo(DicomFiles.EXPLICIT);
    }

    @Test
    void readsImplicitVrLittleEndian() throws Exception {
        DicomHeader header = read(DicomFiles.file(DicomFiles.IMPLICIT, Study.ct("12"), 512));
        assertIndexed(header, "12");
        assertThat(header.transferSyntax()).isEqualTo(DicomFiles.IMPLICIT);
    }

    @Test
    void readsExplicitVrBigEndian() throws Exception {
        DicomHeader header = read(DicomFiles.file(DicomFiles.BIG_ENDIAN, Study.ct("16"), 512));
        assertIndexed(header, "16");
        assertThat(header.transferSyntax()).isEqualTo(DicomHeaderReader.EXPLICIT_VR_BIG_ENDIAN);
    }

    @Test
    void readsDeflatedExplicitVrLittleEndian() throws Exception {
        byte[] file = DicomFiles.file(DicomFiles.DEFLATED, Study.ct("17"), 200_000);
        assertThat(file.length).as("the dataset really is deflated").isLessThan(10_000);
        DicomHeader header = read(file);
        assertIndexed(header, "17");
        assertThat(header.transferSyntax()).isEqualTo(DicomHeaderReader.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
        // in a zipped study the entry's length is not known
        assertIndexed(DicomHeaderReader.read(new ByteArrayInputStream(file), -1), "17");
    }

    @Test
    void aBigEndianOrDeflatedFileCutShortIsTruncated() {
        for (String syntax : List.of(DicomFiles.BIG_ENDIAN, DicomFiles.DEFLATED)) {
            byte[] whole = DicomFiles.file(syntax, Study.ct("18"), 4096);
            byte[] cut = Arrays.copyOf(whole, whole.length - 40);
            assertThatThrownBy(() -> read(cut)).as(syntax).isInstanceOf(DicomException.class)
                    .hasMessageMatching(".*(truncated|damaged).*")
                    .satisfies(e -> assertThat(((DicomException) e).notDicom()).isFalse());
        }
    }

    @Test
    void aDeflatedDatasetThatExpandsLikeABombIsRefused() {
        // 64 MiB of pixel data deflate to about 64 KiB: more than 100 times the file's size
        byte[] bomb = DicomFiles.file(DicomFiles.DEFLATED, Study.ct("19"), 64 * 1024 * 1024);
        assertThat(bomb.length).isLessThan(200 * 1024);
        assertThatThrownBy(() -> read(bomb)).isInstanceOf(DicomException.class).hasMessageContaining("deflate bomb");
    }

    @Test
    void readsFilesWrittenByDcmtkInBothSyntaxes() throws Exception {
        for (String name : List.of("dcmtk-explicit.dcm", "dcmtk-implicit.dcm")) {
            try (InputStream in = getClass().getResourceAsStream("/dicom/" + name)) {
                DicomHeader header = DicomHeaderReader.read(in, -1);
                assertThat(header.studyInstanceUid()).as(name).isEqualTo("1.2.3.4.5.1");
                assertThat(header.seriesInstanceUid()).as(name).isEqualTo("1.2.3.4.5.2");
                assertThat(header.sopInstanceUid()).as(name).isEqualTo("1.2.3.4.5.6.7");
                assertThat(header.modality()).as(name).isEqualTo("MR");
                assertThat(header.bodyPart()).as(name).isEqualTo("HEAD");
                assertThat(header.studyDate()).as(name).isEqualTo(LocalDate.of(2025, 1, 2));
            }
        }
    }

    @Test
    void readsFromAFileWithoutLoadingIt(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("ct.dcm");
        Files.write(file, DicomFiles.file(DicomFiles.EXPLICIT, Study.ct("13"), 3_000_000));
        try (InputStream in = Files.newInputStream(file)) {
            assertIndexed(DicomHeaderReader.read(in, Files.size(file)), "13");
        }
    }

    @Test
    void fileCutInsideThePixelDataIsTruncated(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        byte[] whole = DicomFiles.file(DicomFiles.EXPLICIT, Study.ct("14"), 4096);
        Path file = dir.resolve("cut.dcm");
        Files.write(file, Arrays.copyOf(whole, whole.length - 100));
        try (InputStream in = Files.newInputStream(file)) {
            assertThatThrownBy(() -> DicomHeaderReader.read(in, Files.size(file)))
                    .isInstanceOf(DicomException.class).hasMessageContaining("truncated");
        }
    }

    @Test
    void fileCutInsideTheHeaderIsTruncatedInBothSyntaxes() {
        for (String syntax : List.of(DicomFiles.EXPLICIT, DicomFiles.IMPLICIT)) {
            byte[] whole = DicomFiles.file(syntax, Study.ct("15"), 64);
            byte[] cut = Arrays.copyOf(whole, 300);
            assertThatThrownBy(() -> DicomHeaderReader.read(new ByteArrayInputStream(cut), cut.length))
                    .as(syntax).isInstanceOf(DicomException.class)
                    .satisfies(e -> assertThat(((DicomException) e).notDicom()).isFalse());
        }
    }

    @Test
    void notDicomIsRecognisedAsSuch() {
        byte[] pdf = Fixtures.pdfOfSize(400);
        assertThatThrownBy(() -> DicomHeaderReader.read(new ByteArrayInputStream(pdf), pdf.length))
                .isInstanceOf(DicomException.class)
                .satisfies(e -> assertThat(((DicomException) e).notDicom()).isTrue());
    }

    @Test
    void garbageAfterTheMagicIsMalformed() {
        byte[] bytes = new byte[400];
        System.arraycopy("DICM".getBytes(), 0, bytes, 128, 4);
        Arrays.fill(bytes, 132, 400, (byte) 0x02);
        assertThatThrownBy(() -> DicomHeaderReader.read(new ByteArrayInputStream(bytes), bytes.length))
                .isInstanceOf(DicomException.class)
                .satisfies(e -> assertThat(((DicomException) e).notDicom()).isFalse());
    }

    @Test
    void zippedStudyIndexesEveryInstanceAndIgnoresOtherFiles() throws Exception {
        byte[] zip = Fixtures.zip(new String[]{"README.txt", "series1/IM1", "series1/IM2"}, new byte[][]{
                "open with any viewer".getBytes(),
                DicomFiles.file(DicomFiles.EXPLICIT, Study.ct("21"), 2048),
                DicomFiles.file(DicomFiles.IMPLICIT, Study.ct("22"), 2048)});
        List<ZippedStudyReader.Instance> instances = ZippedStudyReader.read(new ByteArrayInputStream(zip), zip.length, 100);
        assertThat(instances).extracting(ZippedStudyReader.Instance::entryName).containsExactly("series1/IM1", "series1/IM2");
        assertThat(instances.get(1).header().sopInstanceUid()).isEqualTo("1.2.826.0.1.3680043.10.3.22");
    }

    @Test
    void zipWithATruncatedInstanceOrWithoutDicomIsRefused() {
        byte[] whole = DicomFiles.file(DicomFiles.EXPLICIT, Study.ct("23"), 2048);
        byte[] broken = Fixtures.zip(new String[]{"IM1"}, new byte[][]{Arrays.copyOf(whole, whole.length - 10)});
        assertThatThrownBy(() -> ZippedStudyReader.read(new ByteArrayInputStream(broken), broken.length, 100))
                .isInstanceOf(DicomException.class);
        byte[] noDicom = Fixtures.zip(new String[]{"a.txt"}, new byte[][]{"hello".getBytes()});
        assertThatThrownBy(() -> ZippedStudyReader.read(new ByteArrayInputStream(noDicom), noDicom.length, 100))
                .isInstanceOf(DicomException.class).hasMessageContaining("no DICOM");
        byte[] zip = Fixtures.zip(new String[]{"IM1"}, new byte[][]{whole});
        byte[] cutZip = Arrays.copyOf(zip, zip.length / 2);
        assertThatThrownBy(() -> ZippedStudyReader.read(new ByteArrayInputStream(cutZip), cutZip.length, 100))
                .isInstanceOf(DicomException.class);
    }

    @Test
    void aZipThatExpandsLikeABombIsRefused() throws Exception {
        byte[] instance = DicomFiles.file(DicomFiles.EXPLICIT, Study.ct("24"), 2048);
        byte[] bomb = Fixtures.zip(new String[]{"IM1", "padding.bin"}, new byte[][]{instance, new byte[32 * 1024 * 1024]});
        assertThat(bomb.length).as("32 MiB of zeros deflate to almost nothing").isLessThan(100 * 1024);
        assertThatThrownBy(() -> ZippedStudyReader.read(new ByteArrayInputStream(bomb), bomb.length, 100))
                .isInstanceOf(DicomException.class).hasMessageContaining("zip bomb");

        // the same content stored without compression expands by nothing and is read
        byte[] stored = Fixtures.storedZip(new String[]{"IM1", "padding.bin"}, new byte[][]{instance, new byte[4 * 1024 * 1024]});
        assertThat(ZippedStudyReader.read(new ByteArrayInputStream(stored), stored.length, 100)).hasSize(1);
    }

    private static DicomHeader read(byte[] bytes) throws IOException, DicomException {
        return DicomHeaderReader.read(new ByteArrayInputStream(bytes), bytes.length);
    }

    private static void assertIndexed(DicomHeader header, String suffix) {
        assertThat(header.studyInstanceUid()).isEqualTo("1.2.826.0.1.3680043.10.1." + suffix);
        assertThat(header.seriesInstanceUid()).isEqualTo("1.2.826.0.1.3680043.10.2." + suffix);
        assertThat(header.sopInstanceUid()).isEqualTo("1.2.826.0.1.3680043.10.3." + suffix);
        assertThat(header.modality()).isEqualTo("CT");
        assertThat(header.bodyPart()).isEqualTo("CHEST");
        assertThat(header.studyDate()).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat(header.sopClassUid()).isEqualTo(DicomFiles.CT_IMAGE_STORAGE);
        assertThat(header.pixelData()).isTrue();
    }
}
