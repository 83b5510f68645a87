package io.audience.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.ConsoleBrowserTest;
import io.audience.ConsoleClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The settings pages in Chromium: switch confirmed opt-in, see a new token's secret once, add a user. */
class SettingsBrowserIntegrationTest extends ConsoleBrowserTest {

    /** Sign-in from the page asked for, which the console opens again after it. */
    private void signInAt(String path, String email) {
        open(path);
        await(ExpectedConditions.elementToBeClickable(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(ConsoleClient.PASSWORD);
        browser.findElement(By.id("submit")).click();
        await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body.console")));
    }

    @Test
    void ownerSwitchesConfirmedOptInCreatesATokenSeenOnceAndAddsAUser() throws Exception {
        // Wide enough for the tables, tall enough that a screenshot shows the page, not its header only.
        browser.manage().window().setSize(new Dimension(1280, 1000));
        NamedAccount account = namedAccount("Settings");
        signInAt("/console/settings", ConsoleClient.newUser(admin(), account.id(), "account_owner"));
        await(ExpectedConditions.textToBe(By.id("coi-state"), "off"));
        browser.findElement(By.id("coi-toggle")).click();
        await(ExpectedConditions.textToBe(By.id("coi-state"), "on"));
        assertThat(account.api()
                        .get("/v3/account/settings")
                        .json()
                        .get("confirmed_opt_in")
                        .asBoolean())
                .isTrue();
        shot("console-settings");
        assertAccessible();

        open("/console/settings/tokens");
        browser.findElement(By.id("create-token")).click();
        String secret = await(ExpectedConditions.presenceOfElementLocated(By.id("issued-token")))
                .getAttribute("value");
        assertThat(account.api().withToken(secret).get("/v3/account/settings").status())
                .isEqualTo(200);
        shot("console-settings-token");
        assertAccessible();
        browser.navigate().refresh();
        await(ExpectedConditions.presenceOfElementLocated(By.id("tokens")));
        assertThat(browser.findElements(By.id("issued-token"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(secret);

        open("/console/settings/users");
        String email = uniqueEmail("colleague");
        browser.findElement(By.id("user-email")).sendKeys(email);
        browser.findElement(By.id("user-password")).sendKeys(ConsoleClient.PASSWORD);
        browser.findElement(By.id("add-user")).click();
        await(ExpectedConditions.textToBePresentInElementLocated(By.id("users"), email));
        shot("console-settings-users");
        assertAccessible();

        open("/console/settings/senders");
        assertAccessible();
        open("/console/settings/apps");
        assertAccessible();

        open("/console/settings/mail");
        browser.findElement(By.id("signup-preview")).click();
        await(ExpectedConditions.presenceOfElementLocated(By.id("signup-preview-text")));
        assertThat(browser.findElement(By.id("signup-preview-text")).getText()).contains("/confirm/sample-link");
        shot("console-settings-mail");
        assertAccessible();
    }
}
