package io.consilium.document.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

/**
 * The API console shows realistic requests and answers (the intraocular tumour story): the examples are part of the
 * contract clients read, so they must not vanish with a refactoring of the records.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class OpenApiExamplesTest {

    @Test
    void requestBodiesCarryExamples() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("components.schemas.Shipment.properties.carrier.examples", hasItem("World Courier"))
                .body("components.schemas.Shipment.properties.trackingId.examples", hasItem("WC-MAD-PHL-20261118-0042"))
                .body("components.schemas.ReviewRequest.properties.decision.examples", hasItem("REJECTED"))
                .body("components.schemas.WaiverRequest.properties.reason.examples",
                        hasItem("No laboratory tests were done for this skin condition; the dermatologist's report covers it"))
                .body("components.schemas.Destination.properties.recipient.examples", hasItem("Dr. Carol Shields"))
                .body("components.schemas.ReturnShipment.properties.trackingId.examples", hasItem("WC-PHL-MAD-20261209-0007"));
    }

    @Test
    void answersCarryExamples() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("components.schemas.DocumentView.properties.filename.examples",
                        hasItem("ocular-ultrasound-b-scan-right-eye.dcm"))
                .body("components.schemas.UploadView.properties.state.examples", hasItem("IN_PROGRESS"))
                .body("components.schemas.Item.properties.label.examples", hasItem("Imaging studies (CT, MRI, PET)"));
    }
}
