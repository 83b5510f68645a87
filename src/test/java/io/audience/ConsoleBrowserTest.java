package io.audience;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A console test in a real headless Chromium: signs a user in through the login page, waits for
 * what a person would wait for, saves screenshots under target/screenshots, and checks a page with
 * axe-core (no serious or critical violation).
 */
public abstract class ConsoleBrowserTest extends BrowserIntegrationTest {

    /** A new account with a user of the role, signed in in this test's browser; returns the account. */
    protected NamedAccount signedInAccount(String role) {
        NamedAccount account = namedAccount("Console");
        signIn(ConsoleClient.newUser(admin(), account.id(), role));
        return account;
    }

    protected void signIn(String email) {
        browser.get(baseUrl() + "/login");
        await(ExpectedConditions.elementToBeClickable(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(ConsoleClient.PASSWORD);
        browser.findElement(By.id("submit")).click();
        await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body.console")));
    }

    protected void open(String path) {
        browser.get(baseUrl() + path);
    }

    /**
     * Waits for the condition, reading again when htmx swapped the element out mid-read: ChromeDriver
     * reports that as an unknown error ("does not belong to the document"), not as a stale element.
     */
    protected <T> T await(ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> {
            try {
                return condition.apply(driver);
            } catch (StaleElementReferenceException swapped) {
                return null;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return null;
                }
                throw e;
            }
        });
    }

    protected void shot(String name) throws java.io.IOException {
        Browser.screenshot(browser, name);
    }

    /** axe-core over the page as it is now: no violation of impact serious or critical. */
    protected void assertAccessible() {
        Results results = new AxeBuilder().analyze(browser);
        List<Rule> severe = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .collect(Collectors.toList());
        assertThat(severe)
                .as(() -> browser.getCurrentUrl() + ": "
                        + severe.stream()
                                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                                        + rule.getNodes().stream()
                                                .map(node -> String.valueOf(node.getTarget()))
                                                .collect(Collectors.joining(", ")))
                                .collect(Collectors.joining("; ")))
                .isEmpty();
    }
}
