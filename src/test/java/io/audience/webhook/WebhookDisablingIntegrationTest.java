package io.audience.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.ConsoleClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An endpoint that fails for days is disabled, the account hears of it on the API and on the
 * console's dashboard (never another account's), and enabling it again sends what waited, in order.
 */
class WebhookDisablingIntegrationTest extends WebhookReceiverTestBase {

    @AfterEach
    void answerAgain() {
        receiver.mode("ok");
    }

    @Test
    void anEndpointFailingForDaysIsDisabledTheDashboardSaysSoAndEnablingItSendsWhatWaited() {
        Hook hook = hook("Failing shop", "contact.created");
        Api api = hook.account().api();
        receiver.mode("fail");
        // Failing for six days already: the next failure is past the five days the service allows.
        db.execute(
                "update webhook set failing_since = now() - interval '6 days' where webhook_id = ?",
                UUID.fromString(hook.id()));
        String email = uniqueEmail("waits");
        createContact(api, email);

        JsonNode disabled = awaitDisabled(api, hook.id());
        assertThat(disabled.get("disabled_reason").asString())
                .contains("failed")
                .contains("the endpoint answered 500")
                .contains("enable it again");
        JsonNode waiting = awaitLogged(api, hook.id(), "pending");
        assertThat(waiting.get("attempts").asInt()).isEqualTo(1);
        assertThat(waiting.get("response_status").asInt()).isEqualTo(500);

        ConsoleClient owner = new ConsoleClient(baseUrl())
                .signIn(ConsoleClient.newUser(admin(), hook.account().id(), "account_owner"));
        ConsoleClient.Page dashboard = owner.get("/console/dashboard");
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.body())
                .contains("id=\"disabled-webhooks\"", "Audience disabled a webhook")
                .contains("<a href=\"/console/settings/webhooks/" + hook.id() + "\">Failing shop</a>")
                .contains("the endpoint answered 500");
        NamedAccount other = namedAccount("Other dashboard");
        ConsoleClient.Page theirs = new ConsoleClient(baseUrl())
                .signIn(ConsoleClient.newUser(admin(), other.id(), "account_owner"))
                .get("/console/dashboard");
        assertThat(theirs.body()).as("another account's webhook").doesNotContain("disabled-webhooks");
        assertThat(other.api().get("/v3/webhooks/" + hook.id()).status()).isEqualTo(404);
        ConsoleClient otherConsole =
                new ConsoleClient(baseUrl()).signIn(ConsoleClient.newUser(admin(), other.id(), "account_owner"));
        otherConsole.get("/console/settings/webhooks");
        assertThat(otherConsole
                        .post("/console/settings/webhooks/" + hook.id() + "/enable", Map.of())
                        .status())
                .as("another account cannot enable it")
                .isEqualTo(404);

        receiver.mode("ok");
        ConsoleClient.Page page = owner.get("/console/settings/webhooks/" + hook.id());
        assertThat(page.body()).contains("id=\"enable\"");
        ConsoleClient.Page enabled = owner.post("/console/settings/webhooks/" + hook.id() + "/enable", Map.of());
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(302);
        JsonNode after = api.get("/v3/webhooks/" + hook.id()).json();
        assertThat(after.get("enabled").asBoolean()).isTrue();
        JsonNode reason = after.get("disabled_reason");
        assertThat(reason == null || reason.isNull())
                .as("the reason goes with the state")
                .isTrue();
        List<WebhookReceiver.Delivery> got = await(hook, 2);
        assertThat(got.get(1)
                        .json()
                        .get("data")
                        .get("email_address")
                        .get("address")
                        .asString())
                .as("the delivery that waited, sent once the endpoint works")
                .isEqualTo(email);
        assertThat(got.get(1).id()).isEqualTo(got.get(0).id());
        assertThat(awaitLogged(api, hook.id(), "succeeded").get("attempts").asInt())
                .isEqualTo(2);
        assertThat(owner.get("/console/dashboard").body()).doesNotContain("disabled-webhooks");
    }

    private static JsonNode awaitDisabled(Api api, String webhookId) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            JsonNode webhook = api.get("/v3/webhooks/" + webhookId).json();
            if (!webhook.get("enabled").asBoolean()) {
                return webhook;
            }
            FormWait.pause(100);
        }
        throw new AssertionError("webhook " + webhookId + " was not disabled");
    }
}
