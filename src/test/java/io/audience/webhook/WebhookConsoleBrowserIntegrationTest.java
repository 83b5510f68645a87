package io.audience.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.ConsoleBrowserTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.node.ObjectNode;

/** The console's Webhooks tab in Chromium: the endpoints with their state, a delivery log, a ping and a redelivery. */
class WebhookConsoleBrowserIntegrationTest extends ConsoleBrowserTest {

    @Test
    void anOwnerSeesEachEndpointsDeliveriesPingsItAndSendsADeliveryAgain() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            NamedAccount account = signedInAccount("account_owner");
            String working = webhook(account.api(), receiver.url() + "/shop", "Shop sync");
            receiver.secrets(SECRETS.get(working));
            String gone = webhook(account.api(), "http://127.0.0.1:9/gone", "Old CRM");
            // Failing for six days already: its next failure disables it.
            db.execute(
                    "update webhook set failing_since = now() - interval '6 days' where webhook_id = ?",
                    java.util.UUID.fromString(gone));
            createContact(account.api(), uniqueEmail("console-hook"));
            receiver.awaitReceived(all -> !all.isEmpty(), Duration.ofSeconds(20));
            awaitDisabled(account.api(), gone);

            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
            open("/console/settings/webhooks");
            await(ExpectedConditions.presenceOfElementLocated(By.id("webhooks")));
            assertThat(browser.findElement(By.id("webhooks")).getText())
                    .contains("/shop")
                    .contains("Old CRM")
                    .contains("contact.created");
            shot("webhooks");
            assertAccessible();

            browser.findElement(By.linkText(receiver.url() + "/shop")).click();
            await(ExpectedConditions.presenceOfElementLocated(By.id("deliveries")));
            assertThat(browser.findElement(By.id("deliveries")).getText())
                    .contains("contact.created")
                    .contains("succeeded")
                    .contains("HTTP 204");
            browser.findElement(By.id("ping")).click();
            await(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
            receiver.awaitReceived(all -> all.size() >= 2, Duration.ofSeconds(20));
            browser.navigate().refresh();
            await(ExpectedConditions.textToBePresentInElementLocated(By.id("deliveries"), "ping"));
            browser.findElements(By.xpath("//button[text()='Send again']"))
                    .get(0)
                    .click();
            await(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
            receiver.awaitReceived(all -> all.size() >= 3, Duration.ofSeconds(20));
            browser.navigate().refresh();
            await(ExpectedConditions.presenceOfElementLocated(By.id("deliveries")));
            shot("webhook-deliveries");
            assertAccessible();

            open("/console/dashboard");
            await(ExpectedConditions.visibilityOfElementLocated(By.id("disabled-webhooks")));
            assertThat(browser.findElement(By.id("disabled-webhooks")).getText())
                    .contains("Audience disabled a webhook")
                    .contains("Old CRM")
                    .contains("enable it again");
            shot("dashboard-disabled-webhook");
            assertAccessible();
            browser.findElement(By.linkText("Old CRM")).click();
            await(ExpectedConditions.elementToBeClickable(By.id("enable"))).click();
            await(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
            assertThat(account.api()
                            .get("/v3/webhooks/" + gone)
                            .json()
                            .get("enabled")
                            .asBoolean())
                    .as("enabled again from the console")
                    .isTrue();
        }
    }

    private static void awaitDisabled(Api api, String webhookId) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (api.get("/v3/webhooks/" + webhookId).json().get("enabled").asBoolean()) {
            assertThat(System.nanoTime())
                    .as("webhook " + webhookId + " disabled")
                    .isLessThan(until);
            Thread.sleep(100);
        }
    }

    private static String webhook(Api api, String url, String description) {
        ObjectNode body = Api.object().put("url", url).put("description", description);
        body.putArray("events").add("contact.created");
        Api.Response created = api.post("/v3/webhooks", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        SECRETS.put(
                created.json().get("webhook_id").asString(),
                created.json().get("secret").asString());
        return created.json().get("webhook_id").asString();
    }

    private static final java.util.Map<String, String> SECRETS = new java.util.concurrent.ConcurrentHashMap<>();
}
