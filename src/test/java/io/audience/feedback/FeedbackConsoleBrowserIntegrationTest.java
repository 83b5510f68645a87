package io.audience.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.ConsoleBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console shows bounces and complaints (issue 17): counts on the dashboard, a Bounced filter
 * and badge in the search, the reason on the contact's page, and a reset that says why.
 */
class FeedbackConsoleBrowserIntegrationTest extends ConsoleBrowserTest {

    @Test
    void aBouncedContactIsCountedFoundBadgedAndResetWithAReason() throws Exception {
        NamedAccount account = signedInAccount("account_owner");
        String bounced = uniqueEmail("gone");
        String complained = uniqueEmail("spam");
        String bouncedId =
                createContact(account.api(), bounced).get("contact_id").asString();
        createContact(account.api(), complained);
        createContact(account.api(), uniqueEmail("fine"));
        GenericReports reports = new GenericReports(baseUrl(), account.api());
        reports.report("hard_bounce", bounced, "5.1.1", "smtp; 550 5.1.1 mailbox does not exist");
        reports.report("complaint", complained, "", "");

        browser.manage().window().setSize(new Dimension(1280, 1400));
        open("/console/dashboard");
        assertThat(await(ExpectedConditions.presenceOfElementLocated(By.id("count-bounced")))
                        .getText())
                .isEqualToIgnoringWhitespace("1bounced");
        assertThat(browser.findElement(By.id("count-complained")).getText()).isEqualToIgnoringWhitespace("1complained");

        browser.findElement(By.id("count-bounced")).click();
        await(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".contact-results"), bounced));
        assertThat(browser.findElement(By.cssSelector(".contact-results")).getText())
                .contains(bounced)
                .doesNotContain(complained)
                .contains("bounced");

        open("/console/contacts/" + bouncedId);
        assertThat(await(ExpectedConditions.presenceOfElementLocated(By.id("delivery-badge")))
                        .getText())
                .isEqualTo("Bounced");
        assertThat(browser.findElement(By.id("delivery")).getText())
                .contains("does not arrive")
                .contains("5.1.1 smtp; 550 5.1.1 mailbox does not exist");
        shot("console-contact-bounced");
        assertAccessible();

        browser.findElement(By.id("delivery-reason")).sendKeys("She fixed her mailbox (support ticket 4711)");
        browser.findElement(By.id("delivery-reset")).click();
        assertThat(await(ExpectedConditions.presenceOfElementLocated(By.id("notice")))
                        .getText())
                .contains("Delivery state reset");
        assertThat(browser.findElements(By.id("delivery-badge"))).isEmpty();
        assertThat(browser.getPageSource()).contains("support ticket 4711");
        assertThat(address(bounced, account)).isEqualTo("deliverable");
    }

    private static String address(String email, NamedAccount account) {
        return account.api()
                .get("/v3/contacts?status=all&email=" + email)
                .json()
                .get("contacts")
                .get(0)
                .get("email_address")
                .get("delivery_status")
                .asString();
    }
}
