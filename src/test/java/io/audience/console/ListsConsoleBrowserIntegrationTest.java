package io.audience.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.ConsoleBrowserTest;
import io.audience.ConsoleClient;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Lists, tags, custom fields and the operator's accounts as a person uses them, in a headless Chromium. */
class ListsConsoleBrowserIntegrationTest extends ConsoleBrowserTest {

    /** Wide enough for a table and its actions side by side, as the README's screenshots show them. */
    @BeforeEach
    void desktopWindow() {
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    /**
     * A new account with a user of the role, signed in on its way to {@code path} (the sign-in page
     * sends the browser back there).
     */
    private NamedAccount signedInAt(String role, String path) {
        NamedAccount account = namedAccount("Console");
        String email = ConsoleClient.newUser(admin(), account.id(), role);
        open(path);
        type(By.id("username"), email);
        type(By.id("password"), ConsoleClient.PASSWORD);
        browser.findElement(By.id("submit")).click();
        await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body.console")));
        return account;
    }

    /** Whether /v3 admits the token, once the service's one-second cache of token checks has caught up. */
    private static int statusSettlingOn(Api api, int expected) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(5);
        int status = api.get("/v3/contact_lists").status();
        while (status != expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            status = api.get("/v3/contact_lists").status();
        }
        return status;
    }

    private void awaitNotice(String text) {
        await(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), text));
    }

    private void type(By field, String text) {
        WebElement input = await(ExpectedConditions.elementToBeClickable(field));
        input.clear();
        input.sendKeys(text);
    }

    /** Opens the row's rename form, types the new name into {@code field} and saves. */
    private void renameInRow(String rowId, String field, String name) {
        browser.findElement(By.cssSelector("#" + rowId + " summary")).click();
        type(By.id(field), name);
        browser.findElement(By.cssSelector("#" + rowId + " form button[type=submit]"))
                .click();
    }

    private void deleteInRow(String rowId) {
        browser.findElement(By.cssSelector("#" + rowId + " a.delete")).click();
        await(ExpectedConditions.elementToBeClickable(By.id("confirm-delete")));
        assertAccessible();
        browser.findElement(By.id("confirm-delete")).click();
    }

    private static String idOf(Api api, String path, String collection, String key, String label, String name) {
        for (var item : api.get(path).json().get(collection)) {
            if (item.get(label).asString().equals(name)) {
                return item.get(key).asString();
            }
        }
        throw new AssertionError("no " + name + " in " + path);
    }

    @Test
    void aListIsCreatedRenamedAndDeleted() throws Exception {
        NamedAccount account = signedInAt("account_owner", "/console/lists");
        String customers = createList(account.api(), "Customers");
        for (int i = 0; i < 3; i++) {
            account.api().post("/v3/contacts/sign_up_form", Api.json("""
                    {"email_address": "%s", "list_memberships": ["%s"]}""".formatted(uniqueEmail("member"), customers)));
        }
        open("/console/lists");
        browser.findElement(By.cssSelector("#new-list summary")).click();
        type(By.id("list-name"), "Weekly newsletter");
        type(By.id("list-description"), "Everyone who asked for the Friday mail");
        browser.findElement(By.id("list-favorite")).click();
        browser.findElement(By.id("create-list")).click();
        awaitNotice("was created");
        String listId = idOf(account.api(), "/v3/contact_lists", "lists", "list_id", "name", "Weekly newsletter");
        assertThat(browser.findElement(By.id("list-" + customers)).getText()).contains("3");
        shot("console-lists");
        assertAccessible();

        renameInRow("list-" + listId, "name-" + listId, "Friday newsletter");
        awaitNotice("Friday newsletter");
        assertThat(account.api()
                        .get("/v3/contact_lists/" + listId)
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo("Friday newsletter");

        deleteInRow("list-" + listId);
        awaitNotice("was deleted");
        assertThat(browser.findElements(By.id("list-" + listId))).isEmpty();
        assertAccessible();
    }

    @Test
    void aTagAndACustomFieldAreCreatedRenamedAndDeleted() throws Exception {
        NamedAccount account = signedInAt("account_manager", "/console/tags");
        type(By.id("tag-name"), "VIP");
        browser.findElement(By.id("create-tag")).click();
        awaitNotice("was created");
        String tagId = idOf(account.api(), "/v3/contact_tags", "tags", "tag_id", "name", "VIP");
        assertAccessible();
        shot("console-tags");
        renameInRow("tag-" + tagId, "name-" + tagId, "Regulars");
        awaitNotice("Regulars");
        deleteInRow("tag-" + tagId);
        awaitNotice("was deleted");
        assertThat(account.api().get("/v3/contact_tags/" + tagId).status()).isEqualTo(404);

        open("/console/fields");
        browser.findElement(By.cssSelector("#new-field summary")).click();
        type(By.id("field-label"), "Favourite bread");
        new Select(browser.findElement(By.id("field-type"))).selectByValue("single_select");
        type(By.id("field-choices"), "Rye\nSourdough\nBaguette");
        browser.findElement(By.id("create-field")).click();
        awaitNotice("was created");
        String fieldId = idOf(
                account.api(),
                "/v3/contact_custom_fields",
                "custom_fields",
                "custom_field_id",
                "label",
                "Favourite bread");
        assertAccessible();
        shot("console-fields");
        renameInRow("field-" + fieldId, "label-" + fieldId, "Bread");
        awaitNotice("Bread");
        assertThat(account.api()
                        .get("/v3/contact_custom_fields/" + fieldId)
                        .json()
                        .get("choices"))
                .hasSize(3);
        deleteInRow("field-" + fieldId);
        awaitNotice("was deleted");
        assertThat(account.api().get("/v3/contact_custom_fields/" + fieldId).status())
                .isEqualTo(404);
    }

    @Test
    void theOperatorCreatesAnAccountAndSeesItsTokenOnce() throws Exception {
        namedAccount("Existing bakery");
        open("/console/operator/sign-in");
        type(By.id("token"), ADMIN_TOKEN);
        browser.findElement(By.id("submit")).click();
        await(ExpectedConditions.presenceOfElementLocated(By.id("accounts")));
        assertAccessible();
        type(By.id("account-name"), "Corner bakery");
        browser.findElement(By.id("create-account")).click();
        WebElement token = await(ExpectedConditions.presenceOfElementLocated(By.id("new-token")));
        String secret = token.getDomProperty("value");
        assertThat(new Api(baseUrl(), secret).get("/v3/contact_lists").status()).isEqualTo(200);
        shot("console-operator");
        assertAccessible();

        browser.findElement(By.id("disable")).click();
        await(ExpectedConditions.elementToBeClickable(By.id("enable")));
        assertThat(statusSettlingOn(new Api(baseUrl(), secret), 403)).isEqualTo(403);
        assertThat(browser.findElements(By.id("new-token")))
                .as("the token is shown once")
                .isEmpty();
        browser.findElement(By.id("enable")).click();
        await(ExpectedConditions.elementToBeClickable(By.id("disable")));
        assertThat(statusSettlingOn(new Api(baseUrl(), secret), 200)).isEqualTo(200);
    }
}
