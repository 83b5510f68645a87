package io.audience.contact.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.ConsoleBrowserTest;
import io.audience.ConsoleClient;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.context.TestPropertySource;

/**
 * A large import in Chromium: the progress bar is seen at several values while the import runs
 * (smaller chunks than the other tests use, so that it runs for seconds), then the counts match.
 */
@TestPropertySource(properties = "audience.activity.import-chunk-size=500")
class ConsoleImportBrowserIntegrationTest extends ConsoleBrowserTest {

    private static final int ROWS = 50_000;

    @Test
    void aLargeImportShowsItsProgressMovingAndEndsWithCountsThatMatchTheFile() throws IOException {
        NamedAccount account = namedAccount("Big import");
        signInWherever(ConsoleClient.newUser(admin(), account.id(), "account_owner"));
        createList(account.api(), "Big list");
        Path file = Path.of("target", "console-import-" + ROWS + ".csv").toAbsolutePath();
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Email,First name,Last name,Shoe size\r\n");
            for (int i = 1; i <= ROWS; i++) {
                out.write("big" + i + "-" + account.id().substring(0, 8) + "@people.example,Ann" + i + ",Big,42\r\n");
            }
        }

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        open("/console/imports");
        await(ExpectedConditions.presenceOfElementLocated(By.id("file")));
        assertAccessible();
        browser.findElement(By.id("file")).sendKeys(file.toString());
        browser.findElement(By.id("upload")).click();
        await(ExpectedConditions.presenceOfElementLocated(By.id("preview")));
        assertThat(browser.findElements(By.cssSelector("#preview tbody tr"))).hasSize(10);
        browser.findElement(By.cssSelector("input[name=list_ids]")).click();
        shot("console-import-preview");
        assertAccessible();

        browser.findElement(By.id("start")).click();
        await(ExpectedConditions.presenceOfElementLocated(By.id("import-progress")));
        Set<String> seen = new LinkedHashSet<>();
        boolean shotWhileRunning = false;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (browser.findElements(By.id("report")).isEmpty()) {
            assertThat(Instant.now()).as("the import finishes; seen " + seen).isBefore(deadline);
            try {
                WebElement bar = browser.findElement(By.id("import-progress"));
                String value = bar.getAttribute("value");
                String max = bar.getAttribute("max");
                if (value != null && !value.equals(max) && !value.equals("0")) {
                    seen.add(value);
                    if (!shotWhileRunning) {
                        shot("console-import-progress");
                        assertAccessible();
                        shotWhileRunning = true;
                    }
                }
            } catch (org.openqa.selenium.StaleElementReferenceException swapped) {
                // htmx replaced the region between the two reads; the next round reads the new one.
            }
            sleep(150);
        }
        assertThat(seen)
                .as("values of the progress bar seen before the import finished")
                .hasSizeGreaterThan(1);

        assertThat(text("created")).isEqualTo(String.valueOf(ROWS));
        assertThat(text("updated")).isEqualTo("0");
        assertThat(text("skipped")).isEqualTo("0");
        assertThat(text("failed")).isEqualTo("0");
        assertThat(text("rows-done")).isEqualTo(String.valueOf(ROWS));
        assertThat(browser.findElement(By.id("import-progress")).getAttribute("value"))
                .isEqualTo(String.valueOf(ROWS));
        shot("console-import-done");
        assertAccessible();
        assertThat(account.api()
                        .get("/v3/contacts?email=big" + ROWS + "-"
                                + account.id().substring(0, 8) + "@people.example")
                        .json()
                        .get("contacts"))
                .hasSize(1);
    }

    /**
     * Signs in through the login form and waits only for the login page to go: where sign-in lands
     * (the dashboard) is another part of the console, which this test does not need.
     */
    private void signInWherever(String email) {
        open("/login");
        await(ExpectedConditions.elementToBeClickable(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(ConsoleClient.PASSWORD);
        browser.findElement(By.id("submit")).click();
        await(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
