package io.consilium.document.api;

import io.consilium.document.domain.Document;
import io.consilium.document.domain.Upload;
import io.consilium.document.support.CaseFacts;
import io.consilium.document.support.DicomFiles;
import io.consilium.document.support.Fixtures;
import io.consilium.document.support.Pdfs;
import io.consilium.document.support.Tus;
import io.consilium.platform.testing.Broker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** What an upload must pass before it becomes a document, and what is left when it does not. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class UploadChecksTest {

    private static final String PROBLEM = "application/problem+json";
    private final KafkaCompanion kafka = Broker.companion();
    private CaseFacts facts;

    @BeforeEach
    void aCase() {
        facts = new CaseFacts(kafka).submittedAndAssigned("oncology");
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void checksumMismatchIsRefusedAndNothingIsKept() {
        byte[] file = Fixtures.pdf(1);
        Map<String, String> metadata = Tus.metadata("report.pdf", "application/pdf");
        metadata.put("sha256", Tus.sha256(Fixtures.pdf(2)));
        String upload = Tus.created(facts.patientToken(), facts.caseId, file.length, metadata);

        Tus.patch(facts.patientToken(), upload, 0, file)
                .statusCode(422).contentType(PROBLEM)
                .body("detail", containsString("SHA-256"));

        given().auth().oauth2(facts.patientToken()).when().get(upload)
                .then().statusCode(200).body("state", equalTo("REJECTED")).body("reason", equalTo("CHECKSUM_MISMATCH"));
        String uploadId = upload.substring(upload.lastIndexOf('/') + 1);
        assertThat(part(uploadId)).as("the part is deleted").doesNotExist();
        assertThat(object(Tus.sha256(file))).as("nothing in the store").doesNotExist();
        assertThat(documents()).isZero();
        Tus.patch(facts.patientToken(), upload, 0, file).statusCode(409);
    }

    @Test
    void matchingChecksumIsAccepted() {
        byte[] file = Fixtures.pdf(3);
        Map<String, String> metadata = Tus.metadata("report.pdf", "application/pdf");
        metadata.put("sha256", Tus.sha256(file).toUpperCase());
        String document = Tus.document(facts.patientToken(), facts.caseId, file, metadata);
        assertThat(object(Tus.sha256(file))).exists().hasBinaryContent(file);
        given().auth().oauth2(facts.patientToken()).when().get("/api/v1/documents/{id}", document)
                .then().statusCode(200).body("sha256", equalTo(Tus.sha256(file)));
    }

    @Test
    void aLargeUploadIsStoredByteForByte() {
        // Twelve batches of about 1 MiB, more than are let in flight, written and hashed on separate threads with
        // background fdatasyncs between them (every 256K in tests): random pixels, so any reordered or lost
        // batch shows in the content and in the checksum the client sent.
        byte[] file = DicomFiles.file(DicomFiles.EXPLICIT, DicomFiles.Study.ct("77"), 12 * 1024 * 1024);
        byte[] pixels = new byte[12 * 1024 * 1024];
        new Random(77).nextBytes(pixels);
        System.arraycopy(pixels, 0, file, file.length - pixels.length, pixels.length);
        Map<String, String> metadata = Tus.metadata("ct.dcm", "application/dicom");
        metadata.put("sha256", Tus.sha256(file));

        String document = Tus.document(facts.patientToken(), facts.caseId, file, metadata);

        assertThat(object(Tus.sha256(file))).exists().hasBinaryContent(file);
        given().auth().oauth2(facts.patientToken()).when().get("/api/v1/documents/{id}", document)
                .then().statusCode(200).body("sha256", equalTo(Tus.sha256(file))).body("sizeBytes", equalTo(file.length));
    }

    @Test
    void spoofedContentTypeIsRefused() {
        Tus.upload(facts.patientToken(), facts.caseId, Fixtures.png(), Tus.metadata("report.pdf", "application/pdf"))
                .statusCode(422).contentType(PROBLEM)
                .body("detail", equalTo("The file's content is image/png, not the declared application/pdf"));
        assertThat(documents()).isZero();
    }

    @Test
    void disallowedContentIsRefusedWhateverItClaims() {
        Tus.upload(facts.patientToken(), facts.caseId, Fixtures.html(), Tus.metadata("report.pdf", null))
                .statusCode(415).contentType(PROBLEM);
        Tus.create(facts.patientToken(), facts.caseId, 100, Tus.metadata("page.html", "text/html"))
                .statusCode(415).contentType(PROBLEM);
        assertThat(documents()).isZero();
    }

    @Test
    void pathTraversalInTheFileNameIsNeutralised() {
        String document = Tus.document(facts.patientToken(), facts.caseId, Fixtures.pdf(4),
                Tus.metadata("../../../etc/passwd.pdf", null));
        given().auth().oauth2(facts.patientToken()).when().get("/api/v1/documents/{id}", document)
                .then().statusCode(200).body("filename", equalTo("passwd.pdf"));
        given().auth().oauth2(facts.patientToken()).when().get("/api/v1/documents/{id}/content", document)
                .then().statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename*=UTF-8''passwd.pdf"))
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void controlCharactersInTheFileNameAreRefused() {
        Tus.create(facts.patientToken(), facts.caseId, 100, Tus.metadata("report\r\nX-Evil: 1.pdf", null))
                .statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("Upload-Metadata.filename"));
        Tus.create(facts.patientToken(), facts.caseId, 100, Tus.metadata("..", null))
                .statusCode(400).contentType(PROBLEM);
    }

    @Test
    void aFileNameOfMoreThan255CharactersIsRefusedAndNothingIsCreated() {
        long before = uploads();
        Tus.create(facts.patientToken(), facts.caseId, 100, Tus.metadata("n".repeat(296) + ".pdf", null))
                .statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("Upload-Metadata.filename"))
                .body("violations.message", hasItem("must not be longer than 255 characters"));
        assertThat(uploads()).isEqualTo(before);
    }

    @Test
    void aPngNamedLikeAPdfIsKeptWithThePngExtension() {
        String document = Tus.document(facts.patientToken(), facts.caseId, Fixtures.png(),
                Tus.metadata("scan.pdf", null));
        given().auth().oauth2(facts.patientToken()).when().get("/api/v1/documents/{id}", document)
                .then().statusCode(200).body("filename", equalTo("scan.png")).body("contentType", equalTo("image/png"));
        given().auth().oauth2(facts.patientToken()).when().get("/api/v1/documents/{id}/content", document)
                .then().statusCode(200).header("Content-Disposition", equalTo("attachment; filename*=UTF-8''scan.png"));
    }

    @Test
    void creatingAnUploadWithoutTusResumableFailsThePrecondition() {
        long before = uploads();
        given().auth().oauth2(facts.patientToken())
                .header("Upload-Length", "100")
                .header("Upload-Metadata", Tus.header(Tus.metadata("report.pdf", null)))
                .when().post("/api/v1/cases/{caseId}/uploads", facts.caseId)
                .then().statusCode(412).contentType(PROBLEM)
                .header("Tus-Version", "1.0.0")
                .body("type", equalTo("urn:consilium:problem:precondition-failed"))
                .body("detail", containsString("Tus-Resumable"));
        assertThat(uploads()).isEqualTo(before);
    }

    @Test
    void pdfsWithActiveContentAreRefusedAndNothingIsKept() {
        Map<String, byte[]> active = Map.of(
                "JavaScript", Pdfs.openActionJavaScript(1),
                "a launch action", Pdfs.linkLaunchingAProgram(2),
                "an embedded file", Pdfs.embeddedFile(3));
        active.forEach((what, pdf) -> {
            String upload = Tus.created(facts.patientToken(), facts.caseId, pdf.length, Tus.metadata("r.pdf", null));
            Tus.patch(facts.patientToken(), upload, 0, pdf)
                    .statusCode(422).contentType(PROBLEM)
                    .body("detail", containsString("this one has " + what));
            given().auth().oauth2(facts.patientToken()).when().get(upload)
                    .then().statusCode(200).body("state", equalTo("REJECTED")).body("reason", equalTo("ACTIVE_CONTENT"));
        });
        assertThat(documents()).isZero();
        Tus.document(facts.patientToken(), facts.caseId, Pdfs.clean(4), Tus.metadata("clean.pdf", null));
        assertThat(documents()).isOne();
    }

    @Test
    void oversizedUploadIsRefusedBeforeAnyByteIsSent() {
        // The test profile limits PDFs to 1 MB.
        Tus.create(facts.patientToken(), facts.caseId, 2 * 1024 * 1024, Tus.metadata("big.pdf", "application/pdf"))
                .statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("urn:consilium:problem:payload-too-large"));
        // An append larger than the declared length is refused from its Content-Length.
        String upload = Tus.created(facts.patientToken(), facts.caseId, 1000, Tus.metadata("small.pdf", null));
        Tus.patch(facts.patientToken(), upload, 0, Fixtures.pdfOfSize(5000))
                .statusCode(413).contentType(PROBLEM);
        assertThat(Tus.offset(facts.patientToken(), upload)).isZero();
    }

    @Test
    void largeUploadsMustDeclareTheirTypeAndACaseHasABoundedNumberOfUnfinishedOnes() {
        long overDocumentLimits = 300L * 1024 * 1024; // TIFF, the largest document type, allows 200M
        Tus.create(facts.patientToken(), facts.caseId, overDocumentLimits, Tus.metadata("study.zip", null))
                .statusCode(413).contentType(PROBLEM).body("detail", containsString("must declare its type"));
        Tus.create(facts.patientToken(), facts.caseId, overDocumentLimits, Tus.metadata("study.zip", "application/zip"))
                .statusCode(201);
        // the test profile allows 5 unfinished uploads per case; one is open already
        for (int i = 0; i < 4; i++) {
            Tus.create(facts.patientToken(), facts.caseId, 100, Tus.metadata("page-" + i + ".pdf", null)).statusCode(201);
        }
        Tus.create(facts.patientToken(), facts.caseId, 100, Tus.metadata("one-more.pdf", null))
                .statusCode(409).contentType(PROBLEM).body("detail", containsString("unfinished uploads"));
    }

    @Test
    void sniffedTypeLimitAppliesWhenNoTypeWasDeclared() {
        byte[] big = Fixtures.pdfOfSize(1024 * 1024 + 10);
        Tus.upload(facts.patientToken(), facts.caseId, big, Tus.metadata("big.pdf", null))
                .statusCode(413).contentType(PROBLEM);
        assertThat(documents()).isZero();
    }

    @Test
    void theSameFileTwiceIsDetected() {
        byte[] file = Fixtures.pdf(5);
        String first = Tus.document(facts.patientToken(), facts.caseId, file, Tus.metadata("a.pdf", null));
        String upload = Tus.created(facts.managerToken(), facts.caseId, file.length, Tus.metadata("b.pdf", null));
        Tus.patch(facts.managerToken(), upload, 0, file)
                .statusCode(409).contentType(PROBLEM).body("detail", containsString(first));
        given().auth().oauth2(facts.managerToken()).when().get(upload)
                .then().body("state", equalTo("DUPLICATE")).body("documentId", equalTo(first));
        assertThat(documents()).isEqualTo(1);
    }

    @Test
    void appendsNeedTheOffsetContentTypeAndAToken() {
        String upload = Tus.created(facts.patientToken(), facts.caseId, 10, Tus.metadata("x.pdf", null));
        given().auth().oauth2(facts.patientToken()).header("Upload-Offset", "0").contentType("application/pdf")
                .body(new byte[10]).when().patch(upload)
                .then().statusCode(415).contentType(PROBLEM);
        given().header("Upload-Offset", "0").contentType(Tus.OFFSET_OCTETS).body(new byte[10]).when().patch(upload)
                .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer");
        // Someone else's upload is not found, even for the case's own manager.
        Tus.patch(facts.managerToken(), upload, 0, new byte[10]).statusCode(404).contentType(PROBLEM);
        Tus.patch(facts.patientToken(), "/api/v1/uploads/" + UUID.randomUUID(), 0, new byte[10]).statusCode(404);
    }

    private long uploads() {
        return QuarkusTransaction.requiringNew().call(() -> Upload.count("caseId", UUID.fromString(facts.caseId)));
    }

    private long documents() {
        return QuarkusTransaction.requiringNew().call(() -> Document.count("caseId", UUID.fromString(facts.caseId)));
    }

    private static Path root() {
        return Path.of(ConfigProvider.getConfig().getValue("consilium.document.storage.root", String.class))
                .toAbsolutePath();
    }

    private static Path part(String uploadId) {
        return root().resolve("uploads").resolve(uploadId + ".part");
    }

    private static Path object(String sha) {
        return root().resolve("objects").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
    }
}
