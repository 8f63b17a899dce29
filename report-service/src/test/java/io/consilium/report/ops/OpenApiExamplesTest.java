package io.consilium.report.ops;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The API console shows realistic requests and answers from the product's two stories: the examples are part of the
 * contract clients read, so they must not vanish with a refactoring of the records.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class OpenApiExamplesTest {

    private static final String DRAFT = "paths.'/api/v1/reports/{reportId}/draft'.put.requestBody.content.'application/json'"
            + ".examples.'dermatology-report'.value";
    private static final String CONSOLIDATION = "paths.'/api/v1/cases/{caseId}/consolidation'.get.responses.'200'"
            + ".content.'application/json'.examples.'intraocular-tumour-panel'.value";
    private static final String REPORT = "paths.'/api/v1/reports/{reportId}'.get.responses.'200'"
            + ".content.'application/json'.examples.'released-dermatology-report'.value";

    @Test
    void requestBodiesCarryExamples() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body(DRAFT + ".diagnosisIcd10", equalTo("L23.5"))
                .body(DRAFT + ".answers.questionCode", hasItem("DIAGNOSIS_CORRECT"))
                .body("components.schemas.ChangesRequest.properties.comment.examples[0]",
                        equalTo("Please say in plain words which products to avoid, and whether he may eat normally again."))
                .body("components.schemas.ShareRequest.properties.validHours.examples", hasItem(72));
    }

    @Test
    void answersCarryExamples() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body(REPORT + ".state", equalTo("RELEASED"))
                .body(REPORT + ".content.diagnosisAssessment", equalTo("CHANGED"))
                .body(CONSOLIDATION + ".reports", equalTo(3))
                .body(CONSOLIDATION + ".differing.size()", equalTo(1))
                .body(CONSOLIDATION + ".points.point", hasItem("recommendedTreatment"))
                .body("components.schemas.ShareLinkView.properties.expiresAt.examples", hasItem("2026-11-13T09:30:00Z"));
    }

    @Test
    void thePdfEndpointIsSummarisedInPlainWords() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/reports/{reportId}/pdf'.get.summary", equalTo("The report as PDF"));
    }
}
