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
     * Clicks "Log in", signs in on Keycloak's own page with the user's password (unless Keycloak still has a session
     * for this browser), and waits until the page says who is logged in.
     */
    void logIn(String user) {
        driver.findElement(By.id("login")).click();
        waitUpTo(20).until(d -> d.getCurrentUrl().startsWith(Suite.KEYCLOAK) || loggedInAs(user));
        if (driver.getCurrentUrl().startsWith(Suite.KEYCLOAK)) {
            keycloakLogin(user);
        }
        waitUpTo(30).until(d -> loggedInAs(user));
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
        return driver.getCurrentUrl().startsWith(Suite.GATEWAY)
                && !driver.findElements(By.id("who")).isEmpty()
                && driver.findElement(By.id("who")).getText().contains("Logged in as " + user);
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
