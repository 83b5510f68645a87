package io.audience.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.ConsoleBrowserTest;
import io.audience.ConsoleClient;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/** The contact page in Chromium: the founding scenario, edits, and erase's typed confirmation. */
class ContactPageBrowserIntegrationTest extends ConsoleBrowserTest {

    /**
     * Signs in and waits only for the login to be done: where sign-in lands (the dashboard) is
     * another page of the console, which this test does not depend on.
     */
    @Override
    protected void signIn(String email) {
        browser.get(baseUrl() + "/login");
        await(ExpectedConditions.elementToBeClickable(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(ConsoleClient.PASSWORD);
        browser.findElement(By.id("submit")).click();
        await(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    @Test
    void aContactDeletedThroughTheApiShowsItsDateAndIsRestoredWithOneClick() throws Exception {
        NamedAccount account = signedInAccount("account_owner");
        String email = uniqueEmail("founding");
        String id = createContact(account.api(), email).get("contact_id").asString();
        assertThat(account.api().delete("/v3/contacts/" + id).status()).isEqualTo(204);

        open("/console/contacts/" + id);
        WebElement deleted = await(ExpectedConditions.visibilityOfElementLocated(By.id("deleted")));
        String today = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH));
        assertThat(deleted.getText()).contains("Deleted on " + today);
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Deleted");
        browser.manage().window().setSize(new Dimension(1200, 1000));
        shot("console-contact-deleted");
        assertAccessible();

        browser.findElement(By.id("restore")).click();
        WebElement notice = await(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertThat(notice.getText()).contains("Restored. The contact is active again.");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Active");
        JsonNode restored = account.api().get("/v3/contacts/" + id).json();
        assertThat(restored.has("deleted_at")).isFalse();
    }

    @Test
    void theProfileAndAListMembershipAreEditedAndEraseNeedsTheTypedAddress() throws Exception {
        NamedAccount account = signedInAccount("account_owner");
        String list = createList(account.api(), "Weekly news");
        account.api().post("/v3/contact_tags", Api.object().put("name", "VIP"));
        String email = uniqueEmail("profile");
        Api.Response created = account.api().post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "explicit"}, "first_name": "Grace",
                 "last_name": "Hopper", "job_title": "Rear admiral", "create_source": "Account",
                 "phone_numbers": [{"phone_number": "+1 555 0100", "kind": "work"}]}
                """.formatted(email)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("contact_id").asString();

        open("/console/contacts/" + id);
        await(ExpectedConditions.visibilityOfElementLocated(By.id("profile-form")));
        assertThat(browser.findElement(By.id("consent")).getText())
                .startsWith("Subscribed (explicit consent) on ")
                .contains("through the API");
        browser.manage().window().setSize(new Dimension(1200, 1400));
        shot("console-contact");
        assertAccessible();

        WebElement company = browser.findElement(By.id("companyName"));
        company.clear();
        company.sendKeys("Navy");
        browser.findElement(By.id("save-profile")).click();
        await(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        browser.findElement(By.cssSelector("input[name=list][value='" + list + "']"))
                .click();
        browser.findElement(By.id("save-lists")).click();
        await(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "1 list"));
        JsonNode saved = account.api()
                .get("/v3/contacts/" + id + "?include=list_memberships")
                .json();
        assertThat(saved.get("company_name").asString()).isEqualTo("Navy");
        assertThat(saved.get("first_name").asString()).isEqualTo("Grace");
        assertThat(saved.get("list_memberships").toString()).contains(list);
        assertThat(saved.get("email_address").get("permission_to_send").asString())
                .isEqualTo("explicit");

        browser.findElement(By.id("erase")).click();
        WebElement refusal = await(ExpectedConditions.visibilityOfElementLocated(By.id("refusal")));
        assertThat(refusal.getText()).contains("type its email address").contains("nothing was erased");
        assertThat(account.api().get("/v3/contacts/" + id).status()).isEqualTo(200);

        open("/console/contacts/" + id);
        await(ExpectedConditions.visibilityOfElementLocated(By.id("confirmEmail")))
                .sendKeys(email);
        browser.findElement(By.id("erase")).click();
        await(ExpectedConditions.not(ExpectedConditions.urlContains(id)));
        assertThat(account.api().get("/v3/contacts/" + id).status()).isEqualTo(404);
    }
}
