package io.audience.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.ConsoleBrowserTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/** The preference page in Chromium: the person unticks one list and saves; only that list is left. */
class PreferencePageBrowserIntegrationTest extends ConsoleBrowserTest {

    @Test
    void thePersonUnticksOneListAndSavesAndOnlyThatMembershipGoes() throws Exception {
        NamedAccount account = namedAccount("Corner Bakery");
        String news = publicList(account.api(), "Weekly news", "What is in the oven this week.");
        String offers = publicList(account.api(), "Offers", "Two mails a month at most.");
        String email = uniqueEmail("bread");
        Api.Response created = account.api().post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "explicit"}, "create_source": "Account",
                 "list_memberships": ["%s", "%s"]}""".formatted(email, news, offers)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String contact = created.json().get("contact_id").asString();
        String page = account.api()
                .get("/v3/contacts/" + contact + "/links")
                .json()
                .get("preferences_url")
                .asString();

        browser.get(page);
        assertThat(browser.findElement(By.id("who")).getText())
                .contains("Corner Bakery")
                .contains(email);
        assertThat(browser.findElement(By.id("list-" + offers)).isSelected()).isTrue();
        shot("preferences-before");
        assertAccessible();

        browser.findElement(By.cssSelector("label[for='list-" + offers + "']")).click();
        browser.findElement(By.id("save")).click();
        await(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        shot("preferences-saved");

        assertThat(browser.findElement(By.id("list-" + offers)).isSelected()).isFalse();
        assertThat(browser.findElement(By.id("list-" + news)).isSelected()).isTrue();
        JsonNode lists = account.api()
                .get("/v3/contacts/" + contact + "?include=list_memberships")
                .json()
                .get("list_memberships");
        assertThat(lists.valueStream().map(JsonNode::asString).toList()).isEqualTo(List.of(news));
        assertAccessible();
    }

    private static String publicList(Api api, String name, String description) {
        Api.Response made = api.post(
                "/v3/contact_lists",
                Api.object().put("name", name).put("description", description).put("public", true));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        return made.json().get("list_id").asString();
    }
}
