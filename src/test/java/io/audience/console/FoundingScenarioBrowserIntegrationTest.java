package io.audience.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.ConsoleBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The problem Audience exists for, in the console: a contact created and deleted through the API
 * is found by its exact address, shown as deleted with its date, restored with one click, and the
 * API then shows it active.
 */
class FoundingScenarioBrowserIntegrationTest extends ConsoleBrowserTest {

    @Test
    void aContactDeletedThroughTheApiIsFoundByItsExactAddressRestoredWithOneClickAndActiveInTheApi() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 900));
        NamedAccount account = signedInAccount("account_manager");
        String email = uniqueEmail("jane");
        String id = createContact(account.api(), email).get("contact_id").asString();
        assertThat(account.api().delete("/v3/contacts/" + id).status()).isEqualTo(204);
        assertThat(account.api().get("/v3/contacts/" + id).json().has("deleted_at"))
                .isTrue();

        open("/console/contacts");
        WebElement box = await(ExpectedConditions.elementToBeClickable(By.id("q")));
        // Typed as a person types it, capitals and all: the address is found however it is spelled.
        box.sendKeys(email.toUpperCase(java.util.Locale.ROOT));
        // The results are swapped in as the person types: wait for the last swap, the one for the whole address.
        await(driver -> {
            java.util.List<WebElement> rows = driver.findElements(By.cssSelector("#results tr.deleted"));
            return (rows.size() == 1 && rows.get(0).getText().contains(email)) ? Boolean.TRUE : null;
        });
        await(ExpectedConditions.urlContains("q="));
        String found =
                browser.findElement(By.cssSelector("#results tr.deleted")).getText();
        assertThat(found).contains(email).contains("deleted").contains("Deleted 20");
        shot("founding-1-found-deleted");
        assertAccessible();

        clickWhenSettled(By.cssSelector("#results tr.deleted a"));
        await(ExpectedConditions.presenceOfElementLocated(By.id("restore")));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Deleted");
        assertThat(browser.findElement(By.id("deleted")).getText()).contains("20");
        shot("founding-2-contact-deleted");
        browser.findElement(By.id("restore")).click();

        await(ExpectedConditions.textToBe(By.id("status"), "Active"));
        shot("founding-3-restored");
        Api.Response after = account.api().get("/v3/contacts/" + id);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().has("deleted_at")).isFalse();
        assertThat(account.api()
                        .get("/v3/contacts?email=" + email)
                        .json()
                        .get("contacts")
                        .get(0)
                        .get("contact_id")
                        .asString())
                .isEqualTo(id);
    }

    /** Clicks an element of a region htmx may still be swapping, finding it again if it was replaced. */
    private void clickWhenSettled(By locator) {
        for (int attempt = 0; ; attempt++) {
            try {
                await(ExpectedConditions.elementToBeClickable(locator)).click();
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException swapped) {
                if (attempt == 5) {
                    throw swapped;
                }
            }
        }
    }

    @Test
    void theConsoleIsUsableWithTheKeyboardAndOnANarrowScreen() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        NamedAccount account = signedInAccount("account_owner");
        String email = uniqueEmail("narrow");
        createContact(account.api(), email);
        open("/console/contacts");
        await(ExpectedConditions.elementToBeClickable(By.id("q")));
        // The first Tab reaches the skip link, which leads past the navigation to the page's content.
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to content");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(browser.getCurrentUrl()).endsWith("#main");
        browser.findElement(By.id("q")).sendKeys(email, Keys.ENTER);
        await(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), email));
        Object scrollWidth = ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth");
        assertThat(((Number) scrollWidth).intValue())
                .as("no sideways scrolling")
                .isLessThanOrEqualTo(390);
        shot("console-narrow");
        assertAccessible();
    }
}
