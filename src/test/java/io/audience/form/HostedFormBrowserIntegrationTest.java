package io.audience.form;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.ConsoleBrowserTest;
import io.audience.Mailbox;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hosted sign-up forms in Chromium, as a visitor meets them: the form's embed HTML pasted into a
 * shop's page on another origin, and the form's own page on Audience. The script of the form
 * solves the proof of work and holds the submission for the minimum fill time, so every submission
 * waits for the page Audience answers with.
 */
class HostedFormBrowserIntegrationTest extends ConsoleBrowserTest {

    private static final String CONSENT = "Yes, send me the Corner Bakery's weekly news and offers."
            + " I can unsubscribe at any time with the link in every mail.";

    private @Nullable ShopSite shop;

    @AfterEach
    void stopShop() {
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    void aVisitorSignsUpThroughTheFormEmbeddedInAShopOnAnotherOriginAndConfirmsByTheMailedLink() throws Exception {
        NamedAccount account = namedAccount("Corner Bakery");
        settings(account.api(), true);
        String list = createList(account.api(), "Weekly news");
        shop = ShopSite.start();
        String shopOrigin = shop.origin();
        JsonNode form = createForm(account.api(), formBody(list, CONSENT, shopOrigin));
        String formId = form.get("form_id").asString();
        assertThat(form.get("consent_text_version").asInt()).isEqualTo(1);
        String shopPage = shopOrigin + "/";
        shop.serve(form.get("embed_html").asString());

        browser.manage().window().setSize(new Dimension(900, 700));
        browser.get(shopPage);
        await(ExpectedConditions.visibilityOfElementLocated(By.name("email_address")));
        shot("hosted-form-embedded");
        String email = uniqueEmail("shopper");
        submit(formId, email, "Ada", "inbox");
        assertThat(browser.getCurrentUrl()).startsWith(audienceOrigin(form));
        shot("hosted-form-submitted");
        String userAgent = userAgent();

        JsonNode pending = contact(account.api(), email);
        assertThat(permission(pending)).isEqualTo("pending_confirmation");

        MimeMessage mail = Mailbox.awaitMail(email, 1, Duration.ofSeconds(20)).get(0);
        String confirm = Mailbox.link(mail, "/confirm/");
        browser.get(confirm);
        assertThat(browser.getTitle()).isEqualTo("Confirm your subscription");
        browser.findElement(By.id("submit")).click();
        await(heading("Thank you"));
        shot("hosted-form-confirmed");

        String contactId = pending.get("contact_id").asString();
        JsonNode confirmed = account.api()
                .get("/v3/contacts/" + contactId + "?include=list_memberships")
                .json();
        assertThat(permission(confirmed)).isEqualTo("explicit");
        assertThat(confirmed.get("first_name").asString()).isEqualTo("Ada");
        assertThat(confirmed
                        .get("list_memberships")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .isEqualTo(List.of(list));
        JsonNode signUp = signUpEvent(account.api(), contactId, formId);
        assertThat(signUp.get("form_version").asInt()).isEqualTo(1);
        assertThat(signUp.get("user_agent").asString()).isEqualTo(userAgent);
        assertThat(signUp.get("page_url").asString()).startsWith(shopPage);
        assertThat(signUp.get("consent_text").asString()).isEqualTo(CONSENT);
        assertThat(text(signUp, "ip")).isNotBlank();
    }

    @Test
    void withoutConfirmedOptInTheHostedPageSubscribesAtOnceAndAnEditedConsentTextSignsUpUnderVersionTwo()
            throws Exception {
        NamedAccount account = namedAccount("Corner Bakery");
        settings(account.api(), false);
        String list = createList(account.api(), "Weekly news");
        ObjectNode body = formBody(list, CONSENT, "https://www.cornerbakery.example");
        JsonNode form = createForm(account.api(), body);
        String formId = form.get("form_id").asString();
        String page = form.get("url").asString();
        assertThat(page).isEqualTo(audienceOrigin(form) + "/forms/" + formId);

        browser.manage().window().setSize(new Dimension(900, 700));
        browser.get(page);
        assertThat(browser.findElement(By.tagName("body")).getText()).contains(CONSENT);
        assertAccessible();
        String first = "grace-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        fill(formId, first, "Grace");
        shot("hosted-form");
        send(formId, "thank");
        shot("hosted-form-thanks");
        assertAccessible();
        String userAgent = userAgent();

        JsonNode subscribed = contact(account.api(), first);
        assertThat(permission(subscribed)).isEqualTo("explicit");
        JsonNode firstSignUp =
                signUpEvent(account.api(), subscribed.get("contact_id").asString(), formId);
        assertThat(firstSignUp.get("form_version").asInt()).isEqualTo(1);
        assertThat(firstSignUp.get("consent_text").asString()).isEqualTo(CONSENT);
        assertThat(firstSignUp.get("user_agent").asString()).isEqualTo(userAgent);
        assertThat(firstSignUp.get("page_url").asString()).startsWith(page);

        String edited = "Yes, send me the weekly news of the Corner Bakery, about once a week.";
        Api.Response put = account.api().put("/v3/sign_up_forms/" + formId, body.put("consent_text", edited));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().get("consent_text_version").asInt()).isEqualTo(2);

        browser.get(page);
        assertThat(browser.findElement(By.tagName("body")).getText()).contains(edited);
        String second = uniqueEmail("regular");
        submit(formId, second, "Edsger", "thank");
        JsonNode later = contact(account.api(), second);
        assertThat(permission(later)).isEqualTo("explicit");
        JsonNode secondSignUp =
                signUpEvent(account.api(), later.get("contact_id").asString(), formId);
        assertThat(secondSignUp.get("form_version").asInt()).isEqualTo(2);
        assertThat(secondSignUp.get("consent_text").asString()).isEqualTo(edited);
    }

    private static ObjectNode formBody(String list, String consent, String allowedOrigin) {
        ObjectNode body = Api.object()
                .put("name", "Weekly news sign-up")
                .put("consent_text", consent)
                .put("success_message", "Thank you for signing up!");
        body.putArray("list_ids").add(list);
        body.putArray("allowed_origins").add(allowedOrigin);
        var fields = body.putArray("fields");
        fields.addObject().put("name", "first_name").put("required", true);
        fields.addObject().put("name", "last_name").put("required", false);
        return body;
    }

    private static JsonNode createForm(Api api, ObjectNode body) {
        Api.Response created = api.post("/v3/sign_up_forms", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    /** http://localhost:port of the service, as the form's url names it. */
    private static String audienceOrigin(JsonNode form) {
        String url = form.get("url").asString();
        return url.substring(0, url.indexOf("/forms/"));
    }

    /**
     * Fills the address and the first name, ticks the consent box and presses the button, then
     * waits for the page Audience answers with to contain {@code words}.
     */
    private void submit(String formId, String email, String firstName, String words) {
        fill(formId, email, firstName);
        send(formId, words);
    }

    private void fill(String formId, String email, String firstName) {
        String form = "form[action$='/forms/" + formId + "'] ";
        await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(form + "[name='email_address']")));
        browser.findElement(By.cssSelector(form + "[name='email_address']")).sendKeys(email);
        browser.findElement(By.cssSelector(form + "[name='first_name']")).sendKeys(firstName);
        browser.findElement(By.cssSelector(form + "input[name='consent']")).click();
    }

    /**
     * Presses the button and waits for the next page to contain {@code words}: the script first
     * waits for its proof of work and the minimum fill time, so the wait is longer than a click's.
     */
    private void send(String formId, String words) {
        WebElement button =
                browser.findElement(By.cssSelector("form[action$='/forms/" + formId + "'] [type='submit']"));
        button.click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.stalenessOf(button));
        wait.until(driver -> driver.findElement(By.tagName("body"))
                .getText()
                .toLowerCase(Locale.ROOT)
                .contains(words));
    }

    private static ExpectedCondition<Boolean> heading(String text) {
        return driver -> driver.findElement(By.tagName("h1")).getText().equals(text);
    }

    private String userAgent() {
        return String.valueOf(((JavascriptExecutor) browser).executeScript("return navigator.userAgent"));
    }

    private static JsonNode contact(Api api, String email) {
        JsonNode found = api.get("/v3/contacts?email=" + email).json().get("contacts");
        assertThat(found).as("the contact of " + email).hasSize(1);
        return found.get(0);
    }

    private static String permission(JsonNode contact) {
        return contact.get("email_address").get("permission_to_send").asString();
    }

    /** The first consent event of the contact that names the form. */
    private static JsonNode signUpEvent(Api api, String contactId, String formId) {
        JsonNode history =
                api.get("/v3/contacts/" + contactId + "/consent_history").json();
        return history.get("events")
                .valueStream()
                .filter(event -> formId.equals(text(event, "form_id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no event names the form " + formId + ": " + history));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }
}
