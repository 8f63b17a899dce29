package io.consilium.gateway.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The console's pages as a browser first gets them: served by the gateway with a strict CSP, every file they load
 * served locally (a Swagger UI upgrade that forgets the page's paths fails here), the login settings public. The
 * pages' behaviour in a real browser against Keycloak is e2e's ConsoleIT.
 */
@QuarkusTest
class ConsoleTest {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"");

    @Test
    void pagesAreServedWithAStrictPolicyAndEveryFileTheyLoadIsLocal() {
        for (String page : List.of("/console/", "/console/dashboard.html")) {
            Response answer = given().get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(200);
            String csp = answer.header("Content-Security-Policy");
            assertThat(csp).as(page).contains("script-src 'self';", "style-src 'self';", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
            String html = answer.asString();
            assertThat(html).as("no inline script in " + page).doesNotContainPattern("<script>|<script [^s]|<style|style=");
            List<String> assets = new ArrayList<>();
            Matcher m = ASSET.matcher(html);
            while (m.find()) {
                assets.add(m.group(1));
            }
            assertThat(assets).as(page).isNotEmpty().allSatisfy(a -> assertThat(a).doesNotStartWith("//"));
            for (String asset : assets) {
                if (asset.startsWith("/console/") && asset.endsWith(".html") || asset.equals("/console/")) {
                    continue;
                }
                assertThat(given().get(asset).statusCode()).as(asset + " loaded by " + page).isEqualTo(200);
            }
        }
    }

    @Test
    void loginSettingsArePublicAndNameThePublicClient() {
        given().get("/console/config.json").then().statusCode(200)
                .body("clientId", equalTo("consilium-console"))
                .body("openapi", equalTo("/api/v1/openapi.json"))
                .body("authServerUrl", org.hamcrest.Matchers.startsWith("http"));
    }

    @Test
    void theBarePathLeadsToThePage() {
        given().redirects().follow(false).get("/console").then().statusCode(302)
                .header("Location", org.hamcrest.Matchers.endsWith("/console/"));
    }
}
