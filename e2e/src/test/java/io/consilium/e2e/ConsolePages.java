package io.consilium.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

/** What a user does on the console's pages and on Keycloak's login page, in one place for every console test. */
final class ConsolePages {

    private final Browser browser;
    private final WebDriver driver;

    ConsolePages(Browser browser) {
        this.browser = browser;
        this.driver = browser.driver();
    }

    WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    void open(String path) {
        driver.get(Suite.GATEWAY + path);
        waitUpTo(20).until(ExpectedConditions.textMatches(By.id("who"), java.util.regex.Pattern.compile(".+")));
    }

    /**
     * Clicks "Log in" and signs in on Keycloak's own page with the user's password. When Keycloak still has a
     * session for this browser it logs in without asking; if that session is another user's, logs out first.
     */
    void logIn(String user) {
        driver.findElement(By.id("login")).click();
        waitUpTo(20).until(d -> onKeycloak() || whoText().startsWith("Logged in as"));
        if (!onKeycloak() && !loggedInAs(user)) {
            logOut();
            driver.findElement(By.id("login")).click();
            waitUpTo(20).until(d -> onKeycloak());
        }
        if (onKeycloak()) {
            keycloakLogin(user);
        }
        waitUpTo(30).until(d -> loggedInAs(user));
    }

    void logOut() {
        driver.findElement(By.id("logout")).click();
        waitUpTo(30).until(d -> d.getCurrentUrl().startsWith(Suite.GATEWAY) && whoText().equals("Not logged in"));
    }

    private boolean onKeycloak() {
        return driver.getCurrentUrl().startsWith(Suite.KEYCLOAK);
    }

    private String whoText() {
        return driver.findElements(By.id("who")).isEmpty() ? "" : driver.findElement(By.id("who")).getText();
    }

    void keycloakLogin(String user) {
        WebElement name = waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.screenshot("keycloak-login-" + user);
        name.clear();
        name.sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(user + "-pw");
        driver.findElement(By.id("kc-login")).click();
    }

    boolean loggedInAs(String user) {
        return driver.getCurrentUrl().startsWith(Suite.GATEWAY) && whoText().startsWith("Logged in as " + user + " ");
    }

    /** The page's access token, read from its memory (for checking it is in no URL and no log). */
    String accessToken() {
        return (String) ((JavascriptExecutor) driver).executeScript("return ConsoleAuth.accessToken();");
    }

    String message() {
        WebElement box = driver.findElement(By.id("message"));
        return box.isDisplayed() ? box.getText() : "";
    }
}
