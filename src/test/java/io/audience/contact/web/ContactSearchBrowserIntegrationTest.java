package io.audience.contact.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.ConsoleBrowserTest;
import io.audience.ConsoleClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The search box in Chromium: results follow the typing without a reload, deleted contacts included. */
class ContactSearchBrowserIntegrationTest extends ConsoleBrowserTest {

    @Test
    void typingSearchesWithoutReloadingAndShowsADeletedContactWithItsDate() throws Exception {
        NamedAccount account = signedInToContacts();
        Api api = account.api();
        contact(api, "jane.johnson@bakery.example", "Jane", "Johnson");
        contact(api, "robert.smith@bakery.example", "Robert", "Smith");
        contact(api, "ann.ohnsorg@bakery.example", "Ann", "Ohnsorg");
        String dora = contact(api, "dora@bakery.example", "Dora", "Baker");
        assertThat(api.delete("/v3/contacts/" + dora).status()).isEqualTo(204);

        open("/console/contacts");
        await(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "Robert Smith"));
        ((JavascriptExecutor) browser).executeScript("window.sameDocument = true;");

        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("ohns");
        await(ExpectedConditions.not(
                ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "Robert Smith")));
        String results = browser.findElement(By.id("results")).getText();
        assertThat(results).contains("Jane Johnson", "Ann Ohnsorg").doesNotContain("Robert Smith");
        assertThat(browser.getCurrentUrl()).contains("/console/contacts?").contains("q=ohns");

        box.sendKeys(Keys.BACK_SPACE.toString().repeat(4));
        box.sendKeys("Dora@Bakery.example");
        await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results .badge.deleted")));
        assertThat(browser.findElement(By.id("results")).getText())
                .contains("Dora Baker", "dora@bakery.example", "deleted")
                .containsPattern("Deleted \\d{4}-\\d{2}-\\d{2}");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.sameDocument === true;"))
                .as("the results changed without a page load")
                .isEqualTo(true);
        // A desktop window, so the screenshot shows the box and the results together.
        browser.manage().window().setSize(new Dimension(1280, 900));
        shot("console-contacts");
        assertAccessible();

        open("/console/contacts?q=zzz");
        await(ExpectedConditions.presenceOfElementLocated(By.id("no-results")));
        shot("console-contacts-empty");
        assertAccessible();
    }

    /**
     * As {@link #signedInAccount}, but waits for the contacts page rather than the landing page: the
     * dashboard that sign-in lands on is another part of the console, which this test does not need.
     */
    private NamedAccount signedInToContacts() {
        NamedAccount account = namedAccount("Console");
        String email = ConsoleClient.newUser(admin(), account.id(), "account_owner");
        open("/login");
        await(ExpectedConditions.elementToBeClickable(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(ConsoleClient.PASSWORD);
        browser.findElement(By.id("submit")).click();
        await(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        return account;
    }

    private static String contact(Api api, String email, String first, String last) {
        Api.Response created = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "explicit"},
                 "first_name": "%s", "last_name": "%s", "create_source": "Account"}
                """.formatted(email, first, last)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("contact_id").asString();
    }
}
