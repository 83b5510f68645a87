package io.audience.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.Browser;
import io.audience.BrowserIntegrationTest;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The login and consent pages as a person meets them, in a real headless Chromium. */
class SignInBrowserIntegrationTest extends BrowserIntegrationTest {

    @Test
    void aPersonSignsInAllowsTheAppAndTheAppExchangesTheCode() throws Exception {
        String account = admin().post("/admin/accounts", Api.object().put("name", "Browser " + UUID.randomUUID()))
                .json()
                .get("account_id")
                .asString();
        OAuthApp app = OAuthApp.register(baseUrl(), admin(), account, false);
        String email = OAuthApp.newUser(admin(), account, "account_owner");
        String verifier = OAuthApp.verifier();

        browser.get(app.authorizeUrl("contact_data offline_access", verifier, "browser-state"));
        assertThat(browser.getTitle()).isEqualTo("Sign in");
        signIn(email, "not my password");
        await(ExpectedConditions.presenceOfElementLocated(By.id("error")));
        Browser.screenshot(browser, "sign-in-error");
        signIn(email, OAuthApp.PASSWORD);

        await(ExpectedConditions.titleIs("Allow Test app?"));
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page)
                .contains("Test app")
                .contains(email)
                .contains("Read and change your contacts, lists, tags and custom fields")
                .contains("Keep this access when you are not signed in");
        Browser.screenshot(browser, "consent");
        browser.findElement(By.id("allow")).click();

        URI callback = awaitCallback();
        assertThat(OAuthApp.query(callback)).containsEntry("state", "browser-state");
        Api.Response tokens = app.exchange(app.code(callback), verifier);
        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        assertThat(tokens.json().get("scope").asString())
                .contains("contact_data")
                .contains("offline_access");
    }

    @Test
    void aPersonWhoDeniesSendsTheAppBackWithAccessDenied() throws Exception {
        String account = admin().post("/admin/accounts", Api.object().put("name", "Deny " + UUID.randomUUID()))
                .json()
                .get("account_id")
                .asString();
        OAuthApp app = OAuthApp.register(baseUrl(), admin(), account, true);
        browser.get(app.authorizeUrl("contact_data", OAuthApp.verifier(), "deny-state"));
        signIn(OAuthApp.newUser(admin(), account, "account_manager"), OAuthApp.PASSWORD);
        await(ExpectedConditions.elementToBeClickable(By.id("deny")));
        browser.findElement(By.id("deny")).click();

        URI callback = awaitCallback();
        assertThat(OAuthApp.query(callback))
                .containsEntry("error", "access_denied")
                .containsEntry("state", "deny-state")
                .doesNotContainKey("code");
    }

    private void signIn(String email, String password) {
        await(ExpectedConditions.elementToBeClickable(By.id("username")));
        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("submit")).click();
    }

    /** The app's redirect URI has nothing listening: the browser shows an error, its address bar the answer. */
    private URI awaitCallback() {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains(OAuthApp.REDIRECT));
        return URI.create(browser.getCurrentUrl());
    }

    private void await(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition);
    }
}
