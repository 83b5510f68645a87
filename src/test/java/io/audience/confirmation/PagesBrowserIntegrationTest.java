package io.audience.confirmation;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.Browser;
import io.audience.BrowserIntegrationTest;
import io.audience.Mailbox;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages a person sees, in a real headless Chromium ({@link Browser}).
 */
class PagesBrowserIntegrationTest extends BrowserIntegrationTest {

    @Test
    void personConfirmsAndLaterUnsubscribesByTheButtonsOfThePagesTheirMailLinksTo() throws Exception {
        Api api = newAccount();
        settings(api, true);
        String list = createList(api, "Browser");
        String email = uniqueEmail("browser");
        String id = api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"]}
                """.formatted(email, list)))
                .json()
                .get("contact_id")
                .asString();
        var mail = Mailbox.awaitMail(email, 1, Duration.ofSeconds(20)).get(0);

        browser.get(Mailbox.link(mail, "/confirm/"));
        assertThat(browser.getTitle()).isEqualTo("Confirm your subscription");
        screenshot("confirm-page");
        assertThat(permission(api, id)).as("opening the page changes nothing").isEqualTo("pending_confirmation");
        browser.findElement(By.id("submit")).click();
        awaitHeading("Thank you");
        assertThat(permission(api, id)).isEqualTo("explicit");

        String header = Mailbox.header(mail, "List-Unsubscribe");
        browser.get(header.substring(1, header.length() - 1));
        assertThat(browser.findElement(By.id("submit")).getText()).isEqualTo("Unsubscribe");
        browser.findElement(By.id("submit")).click();
        awaitHeading("You are unsubscribed");
        screenshot("unsubscribed-page");
        JsonAddress address = address(api, id);
        assertThat(address.permission()).isEqualTo("unsubscribed");
        assertThat(address.optOutSource()).isEqualTo("Contact");

        browser.get(Mailbox.link(mail, "/confirm/"));
        awaitHeading("Already confirmed");
    }

    /** A click starts a navigation that the click does not wait for; the next page's heading does. */
    private void awaitHeading(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBe(By.tagName("h1"), text));
    }

    private record JsonAddress(String permission, String optOutSource) {}

    private static JsonAddress address(Api api, String id) {
        var address = api.get("/v3/contacts/" + id).json().get("email_address");
        return new JsonAddress(
                address.get("permission_to_send").asString(),
                address.has("opt_out_source") ? address.get("opt_out_source").asString() : null);
    }

    private static String permission(Api api, String id) {
        return address(api, id).permission();
    }

    private void screenshot(String name) throws Exception {
        Browser.screenshot(browser, name);
    }
}
