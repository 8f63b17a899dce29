package io.consilium.document.api;

import io.consilium.document.support.CaseFacts;
import io.consilium.document.support.DicomFiles;
import io.consilium.document.support.DicomFiles.Study;
import io.consilium.document.support.Fixtures;
import io.consilium.document.support.Tus;
import io.consilium.platform.testing.Broker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** DICOM uploads are indexed from their headers and searchable per case; broken ones are refused cleanly. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class DicomUploadTest {

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
    void bothTransferSyntaxesAreIndexedAndSearchable() {
        String explicit = Tus.document(facts.patientToken(), facts.caseId,
                DicomFiles.file(DicomFiles.EXPLICIT, Study.ct("101"), 200_000), Tus.metadata("ct1.dcm", "application/dicom"));
        String implicit = Tus.document(facts.patientToken(), facts.caseId,
                DicomFiles.file(DicomFiles.IMPLICIT, Study.ct("102"), 200_000), Tus.metadata("ct2.dcm", null));

        given().auth().oauth2(facts.managerToken()).when().get("/api/v1/documents/{id}", implicit)
                .then().statusCode(200)
                .body("contentType", equalTo("application/dicom"))
                .body("dicom", hasSize(1))
                .body("dicom[0].studyInstanceUid", equalTo("1.2.826.0.1.3680043.10.1.102"))
                .body("dicom[0].seriesInstanceUid", equalTo("1.2.826.0.1.3680043.10.2.102"))
                .body("dicom[0].sopInstanceUid", equalTo("1.2.826.0.1.3680043.10.3.102"))
                .body("dicom[0].modality", equalTo("CT"))
                .body("dicom[0].bodyPart", equalTo("CHEST"))
                .body("dicom[0].studyDate", equalTo("2026-03-14"))
                .body("dicom[0].transferSyntax", equalTo(DicomFiles.IMPLICIT));
        given().auth().oauth2(facts.managerToken()).queryParam("studyInstanceUid", "1.2.826.0.1.3680043.10.1.101")
                .when().get("/api/v1/cases/{id}/imaging", facts.caseId)
                .then().statusCode(200).body("items.documentId", contains(explicit)).body("total", equalTo(1));
        given().auth().oauth2(facts.managerToken()).queryParam("modality", "ct")
                .when().get("/api/v1/cases/{id}/imaging", facts.caseId)
                .then().statusCode(200).body("items.documentId", containsInAnyOrder(explicit, implicit));
        given().auth().oauth2(facts.managerToken()).queryParam("modality", "ct").queryParam("size", 1)
                .queryParam("page", 1).when().get("/api/v1/cases/{id}/imaging", facts.caseId)
                .then().statusCode(200).body("items", hasSize(1)).body("total", equalTo(2)).body("page", equalTo(1));
    }

    @Test
    void theUploadedEventNamesTheDicomStudyForTheCaseBundle() {
        String document = Tus.document(facts.patientToken(), facts.caseId,
                DicomFiles.file(DicomFiles.EXPLICIT, Study.ct("105"), 200_000), Tus.metadata("ct5.dcm", "application/dicom"));
        var uploaded = Broker.readUntil(kafka, "consilium.document.events",
                        seen -> seen.stream().anyMatch(r -> facts.caseId.equals(r.key()) && r.value().contains(document)),
                        java.time.Duration.ofSeconds(30)).stream()
                .filter(r -> facts.caseId.equals(r.key()) && r.value().contains(document))
                .map(r -> Broker.json(r.value())).findFirst().orElseThrow();
        org.assertj.core.api.Assertions.assertThat(uploaded.get("studies")).hasSize(1);
        var study = uploaded.get("studies").get(0);
        org.assertj.core.api.Assertions.assertThat(study.get("studyInstanceUid").asText()).isEqualTo("1.2.826.0.1.3680043.10.1.105");
        org.assertj.core.api.Assertions.assertThat(study.get("modalities").get(0).asText()).isEqualTo("CT");
        org.assertj.core.api.Assertions.assertThat(study.get("studyDate").asText()).isEqualTo("2026-03-14");
        org.assertj.core.api.Assertions.assertThat(study.get("series").asInt()).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(study.get("instances").asInt()).isEqualTo(1);
    }

    @Test
    void bigEndianAndDeflatedFilesAreIndexedLikeTheOthers() {
        for (String[] file : new String[][]{{DicomFiles.BIG_ENDIAN, "103"}, {DicomFiles.DEFLATED, "104"}}) {
            String document = Tus.document(facts.patientToken(), facts.caseId,
                    DicomFiles.file(file[0], Study.ct(file[1]), 200_000), Tus.metadata("ct.dcm", "application/dicom"));
            given().auth().oauth2(facts.managerToken()).when().get("/api/v1/documents/{id}", document)
                    .then().statusCode(200)
                    .body("dicom", hasSize(1))
                    .body("dicom[0].studyInstanceUid", equalTo("1.2.826.0.1.3680043.10.1." + file[1]))
                    .body("dicom[0].sopInstanceUid", equalTo("1.2.826.0.1.3680043.10.3." + file[1]))
                    .body("dicom[0].modality", equalTo("CT"))
                    .body("dicom[0].studyDate", equalTo("2026-03-14"))
                    .body("dicom[0].transferSyntax", equalTo(file[0]));
        }
    }

    @Test
    void zippedStudyIndexesEachInstance() {
        byte[] zip = Fixtures.zip(new String[]{"DICOM/IM1", "DICOM/IM2", "viewer.txt"}, new byte[][]{
                DicomFiles.file(DicomFiles.EXPLICIT, Study.ct("201"), 4096),
                DicomFiles.file(DicomFiles.IMPLICIT, Study.ct("202"), 4096),
                "run the viewer".getBytes()});
        String document = Tus.document(facts.patientToken(), facts.caseId, zip, Tus.metadata("study.zip", "application/zip"));
        given().auth().oauth2(facts.patientToken()).when().get("/api/v1/documents/{id}", document)
                .then().statusCode(200)
                .body("contentType", equalTo("application/zip"))
                .body("dicom.entryName", contains("DICOM/IM1", "DICOM/IM2"))
                .body("dicom.sopInstanceUid", contains("1.2.826.0.1.3680043.10.3.201", "1.2.826.0.1.3680043.10.3.202"));
    }

    @Test
    void truncatedAndFakeDicomAreRefusedCleanly() {
        byte[] whole = DicomFiles.file(DicomFiles.EXPLICIT, Study.ct("301"), 100_000);
        Tus.upload(facts.patientToken(), facts.caseId, Arrays.copyOf(whole, whole.length - 5000),
                        Tus.metadata("cut.dcm", "application/dicom"))
                .statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("truncated"));
        byte[] fake = new byte[2000];
        System.arraycopy("DICM".getBytes(), 0, fake, 128, 4);
        Arrays.fill(fake, 132, fake.length, (byte) 'x');
        Tus.upload(facts.patientToken(), facts.caseId, fake, Tus.metadata("fake.dcm", null))
                .statusCode(422).contentType("application/problem+json");
        Tus.upload(facts.patientToken(), facts.caseId, Fixtures.zip(new String[]{"a.txt"}, new byte[][]{"no".getBytes()}),
                        Tus.metadata("notastudy.zip", null))
                .statusCode(422).body("detail", containsString("no DICOM"));
        Tus.upload(facts.patientToken(), facts.caseId, Fixtures.pdf(9), Tus.metadata("x.dcm", "application/dicom"))
                .statusCode(422);
        given().auth().oauth2(facts.patientToken()).when().get("/api/v1/cases/{id}/documents", facts.caseId)
                .then().statusCode(200).body("$", hasSize(0));
    }
}
