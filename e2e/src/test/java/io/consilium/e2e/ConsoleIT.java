package io.consilium.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ops console in a real browser against the suite with a real Keycloak: olivia logs in on Keycloak's page,
 * calls an endpoint of every service from Swagger UI, watches the dashboard, replays a dead letter; a patient gets
 * no ops data; logging out ends the Keycloak session. Screenshots of every page land in target/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    /** One GET per service that ops may call, with what its answer must contain. */
    private static final Map<String, String[]> ONE_PER_SERVICE = new LinkedHashMap<>();

    static {
        ONE_PER_SERVICE.put("case-service", new String[] {"/api/v1/ops/queue", "["});
        ONE_PER_SERVICE.put("document-service", new String[] {"/api/v1/ops/services/document-service/dead-letters", "\"items\""});
        ONE_PER_SERVICE.put("specialist-service", new String[] {"/api/v1/specialists", "\"items\""});
        ONE_PER_SERVICE.put("report-service", new String[] {"/api/v1/ops/services/report-service/dead-letters", "\"items\""});
        ONE_PER_SERVICE.put("notification-service", new String[] {"/api/v1/ops/messages", "\"items\""});
        ONE_PER_SERVICE.put("gateway", new String[] {"/api/v1/ops/dashboard", "\"casesByState\""});
    }

    private static Browser browser;
    private static ConsolePages pages;

    @BeforeAll
    static void start() {
        // Swagger UI reads the document once per page: start from the one that holds every service
        assertThat(combinedDocument().path("x-consilium-missing-services")).as("services the gateway could not read").isEmpty();
        browser = Browser.start();
        pages = new ConsolePages(browser);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Runs a step of a test and saves a screenshot named after it whether it passes or fails. */
    private static void step(String screenshot, Runnable body) {
        try {
            body.run();
            browser.screenshot(screenshot);
        } catch (RuntimeException | AssertionError e) {
            browser.screenshot(screenshot + "-FAILED");
            System.err.println("[" + screenshot + "] failed at " + browser.driver().getCurrentUrl());
            browser.consoleMessages().forEach(m -> System.err.println("[" + screenshot + "] browser: " + m.getMessage()));
            throw e;
        }
    }

    @Test
    @Order(1)
    void opsLogsInOnKeycloakAndCallsAnEndpointOfEveryServiceFromSwaggerUi() {
        step("console-logged-in", () -> {
            pages.open("/console/");
            pages.logIn("olivia");
            assertThat(browser.driver().getCurrentUrl()).as("no code or token left in the address")
                    .isEqualTo(Suite.GATEWAY + "/console/");
            pages.waitUpTo(60).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h3.opblock-tag")));
        });
        String token = pages.accessToken();
        assertThat(token).isNotBlank();
        for (Map.Entry<String, String[]> entry : ONE_PER_SERVICE.entrySet()) {
            String path = entry.getValue()[0];
            step("console-" + entry.getKey(), () -> {
                String body = tryItOut("get", path);
                assertThat(body).as(entry.getKey() + " " + path).contains(entry.getValue()[1]);
            });
        }
        assertNoPolicyViolations();
        // the token stays in the page: not in any address the browser went to, not in the gateway's log
        Path gatewayLog = Suite.ROOT.resolve(".local/services/gateway.log");
        if (Files.exists(gatewayLog)) {
            assertThat(read(gatewayLog)).as("gateway log").doesNotContain(token)
                    .doesNotContain(token.substring(token.lastIndexOf('.') + 1));
        }
    }

    @Test
    @Order(2)
    void dashboardShowsCasesByStateAndAPlantedDeadLetterThatReplayRemoves() throws Exception {
        String caseState = openACase();
        UUID planted = plantDeadLetter();
        step("dashboard-with-dead-letter", () -> {
            pages.open("/console/dashboard.html");
            pages.logIn("olivia"); // Keycloak's session from the console: no password asked again
            pages.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("figures")));
            WebElement row = pages.waitUpTo(30).until(d -> stateRow(d, caseState));
            String olivia = pages.accessToken();
            long total = Suite.get(Suite.GATEWAY + "/api/v1/cases?state=" + caseState + "&size=1", olivia).json()
                    .path("total").asLong();
            assertThat(total).isPositive();
            assertThat(row.getText()).isEqualTo(caseState + " " + total);
            WebElement replay = pages.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(replayButton(planted)));
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block:'center'});", replay);
            assertThat(browser.driver().findElement(By.id("per-day-chart")).findElements(By.tagName("rect")))
                    .as("the chart's bars").isNotEmpty();
        });
        step("dashboard-after-replay", () -> {
            browser.driver().findElement(replayButton(planted)).click();
            pages.waitUpTo(30).until(ExpectedConditions.invisibilityOfElementLocated(replayButton(planted)));
            assertThat(pages.message()).contains("replayed");
            ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('dead-letters').scrollIntoView({block:'center'});");
        });
        assertThat(deadLetterStatus(planted)).isEqualTo("REPLAYED");
        assertNoPolicyViolations();
    }

    @Test
    @Order(3)
    void logoutEndsTheKeycloakSession() {
        step("console-logged-out", () -> {
            pages.logOut();
            browser.driver().findElement(By.id("login")).click();
            // the session is gone: Keycloak asks for the password again
            pages.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        });
    }

    @Test
    @Order(4)
    void aPatientGetsNoOpsData() {
        step("dashboard-patient", () -> {
            pages.keycloakLogin("alice");
            pages.waitUpTo(30).until(d -> pages.loggedInAs("alice"));
            pages.waitUpTo(10).until(d -> pages.message().contains("for operations staff"));
            assertThat(browser.driver().findElement(By.id("figures")).isDisplayed()).isFalse();
            assertThat(browser.driver().findElements(By.cssSelector("button.replay"))).isEmpty();
        });
        // and the gateway refuses her token there, whatever the page does
        assertThat(Suite.get(Suite.GATEWAY + "/api/v1/ops/dashboard", pages.accessToken()).status()).isEqualTo(403);
    }

    @Test
    @Order(5)
    void everyRoleTriesItsOwnEndpointsWithItsOwnToken() {
        String[][] calls = {
                {"alice", "/api/v1/me/home", "\"cases\""},
                {"dr-carla", "/api/v1/me/work-queue", "\"cases\""},
                {"prof-eva", "/api/v1/invitations", "\"items\""},
        };
        for (String[] call : calls) {
            step("console-as-" + call[0], () -> {
                pages.open("/console/");
                pages.logIn(call[0]);
                pages.waitUpTo(60).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h3.opblock-tag")));
                assertThat(tryItOut("get", call[1])).as(call[0] + " " + call[1]).contains(call[2]);
                // and an ops endpoint is refused to them, in the page as at the API
                String[] refused = execute("get", "/api/v1/ops/queue");
                assertThat(refused[0]).as(call[0] + " on the ops queue").startsWith("403");
                assertThat(refused[1]).contains("urn:consilium:problem:");
            });
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    /** Expands the operation in Swagger UI, presses "Try it out" and "Execute", and returns the 200 answer's body. */
    private static String tryItOut(String method, String path) {
        String[] answer = execute(method, path);
        assertThat(answer[0]).as(method + " " + path + ": " + answer[1]).startsWith("200");
        return answer[1];
    }

    /** The same, returning the status and the body as Swagger UI shows them. */
    private static String[] execute(String method, String path) {
        WebDriver driver = browser.driver();
        By block = By.xpath("//div[contains(@class,'opblock-" + method + "')][.//*[contains(@class,'opblock-summary-path') and @data-path='"
                + path + "']]");
        if (driver.findElements(block).isEmpty()) {
            // tags start closed: open the operation's tag (its first, as the gateway's document names it)
            String tag = combinedDocument().path("paths").path(path).path(method).path("tags").path(0).asText();
            assertThat(tag).as("tag of " + method + " " + path + " in the gateway's document").isNotBlank();
            WebElement header = pages.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("h3.opblock-tag[data-tag=\"" + tag + "\"]")));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'});", header);
            header.click();
        }
        WebElement op = pages.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(block));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'});", op);
        if (op.findElements(By.cssSelector(".try-out__btn")).isEmpty()) {
            op.findElement(By.cssSelector(".opblock-summary")).click();
        }
        WebElement tryOut = pages.waitUpTo(10).until(d -> d.findElement(block).findElement(By.cssSelector(".try-out__btn")));
        tryOut.click();
        pages.waitUpTo(10).until(d -> d.findElement(block).findElement(By.cssSelector("button.execute"))).click();
        WebElement status = pages.waitUpTo(30).until(d -> d.findElement(block)
                .findElement(By.cssSelector(".live-responses-table .response .response-col_status")));
        String body = driver.findElement(block).findElement(By.cssSelector(".live-responses-table .response-col_description pre")).getDomProperty("textContent");
        // the screenshot of the step shows the answer
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'});", status);
        return new String[] {status.getText().trim(), body};
    }

    private static com.fasterxml.jackson.databind.JsonNode document;

    private static com.fasterxml.jackson.databind.JsonNode combinedDocument() {
        if (document == null) {
            document = Suite.combinedDocument();
        }
        return document;
    }

    private static WebElement stateRow(WebDriver driver, String state) {
        for (WebElement row : driver.findElements(By.cssSelector("#cases-by-state tr"))) {
            if (row.getText().startsWith(state + " ")) {
                return row;
            }
        }
        return null;
    }

    private static By replayButton(UUID id) {
        return By.cssSelector("button.replay[data-id='" + id + "']");
    }

    private static void assertNoPolicyViolations() {
        List<String> violations = new ArrayList<>();
        for (LogEntry entry : browser.consoleMessages()) {
            if (entry.getMessage().contains("Content Security Policy") || entry.getMessage().contains("Refused to")) {
                violations.add(entry.getMessage());
            }
        }
        assertThat(violations).as("CSP violations in the browser console").isEmpty();
    }

    /**
     * Opens a case the way a partner does (a plan, the member on the roster, the case), so that the dashboard has
     * one to count. Returns the case's state.
     */
    private static String openACase() {
        String ops = Suite.userToken("olivia");
        String partner = Suite.partnerToken("partner-acme");
        String member = Suite.claim(Suite.userToken("lee"), "memberId");
        Suite.Answer plan = Suite.post(Suite.GATEWAY + "/api/v1/plans", ops, "application/json",
                "{\"tenant\":\"acme\",\"name\":\"Console e2e\",\"coveredSpecialties\":[\"dermatology\"],"
                        + "\"opinionsPerMemberPerYear\":100,\"allowedSpecialistCountries\":[\"DE\"],\"recordsSlaBusinessDays\":5,"
                        + "\"reviewSlaBusinessDays\":10,\"maxPanelSize\":3,\"deadlines\":{\"urgent\":{\"acceptWithinHours\":24,"
                        + "\"reportWithinHours\":72},\"routine\":{\"acceptWithinHours\":48,\"reportWithinHours\":168}},\"active\":true}");
        assertThat(plan.status()).as(plan.body()).isIn(201, 409);
        Suite.Answer roster = Suite.post(Suite.GATEWAY + "/api/v1/roster", partner, "text/csv",
                "memberId,plan,validFrom,validTo\n" + member + ",Console e2e,2026-01-01,\n");
        assertThat(roster.status()).as(roster.body()).isLessThan(300);
        Suite.Answer opened = Suite.post(Suite.GATEWAY + "/api/v1/cases", partner, "application/json",
                "{\"memberId\":\"" + member + "\",\"patient\":{\"name\":\"Li Lee\",\"preferredLanguage\":\"en\","
                        + "\"countryOfResidence\":\"DE\"},\"reasons\":[\"CONFIRM_DIAGNOSIS\"],\"diagnosis\":{\"text\":\"Chronic "
                        + "urticaria\",\"icd10Code\":\"L50.9\"},\"requestedSpecialty\":\"dermatology\",\"urgency\":\"ROUTINE\","
                        + "\"questions\":[\"DIAGNOSIS_CORRECT\"]}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().path("state").asText();
    }

    /**
     * A dead letter planted in notification-service's database, as its consumer files one: an event of a type that
     * consumer no longer handles, so that a replay applies nothing and resolves it.
     */
    private static UUID plantDeadLetter() throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection db = notificationDb();
             PreparedStatement insert = db.prepareStatement("""
                     insert into dead_letter (id, consumer, event_id, event_type, event_source, case_id, tenant, occurred_at,
                         topic, payload, contract_broken, error, attempts, status, first_failed_at, last_failed_at)
                     values (?, 'notification-inputs', ?, 'consilium.e2e.planted', '/e2e', ?, 'acme', ?,
                         'consilium.case.events', '{}', false, 'planted by ConsoleIT', 1, 'OPEN', ?, ?)""")) {
            Timestamp now = Timestamp.from(Instant.now());
            insert.setObject(1, id);
            insert.setObject(2, UUID.randomUUID());
            insert.setObject(3, UUID.randomUUID());
            insert.setTimestamp(4, now);
            insert.setTimestamp(5, now);
            insert.setTimestamp(6, now);
            insert.executeUpdate();
        }
        return id;
    }

    private static String deadLetterStatus(UUID id) throws Exception {
        try (Connection db = notificationDb();
             PreparedStatement query = db.prepareStatement("select status from dead_letter where id = ?")) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static Connection notificationDb() throws Exception {
        return DriverManager.getConnection(Suite.JDBC + "consilium_notification", "consilium", "consilium");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
