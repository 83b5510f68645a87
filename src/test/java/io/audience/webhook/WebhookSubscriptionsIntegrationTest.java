package io.audience.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The subscriptions: a ping and the delivery log, secret rotation, activity.completed, another
 * account's webhooks out of reach, and bad bodies refused.
 */
class WebhookSubscriptionsIntegrationTest extends WebhookReceiverTestBase {

    @Test
    void aPingTestsTheEndpointTheLogShowsItAndARedeliverySendsItAgain() {
        Hook hook = hook("Hooks ping", "contact.deleted");
        Api api = hook.account().api();

        Api.Response ping = api.post("/v3/webhooks/" + hook.id() + "/test", Api.object());
        assertThat(ping.status()).as(ping.toString()).isEqualTo(202);
        String delivery = ping.json().get("delivery_id").asString();
        List<WebhookReceiver.Delivery> got = await(hook, 1);
        assertThat(got.get(0).json().get("type").asString()).isEqualTo("ping");
        assertThat(got.get(0).verified()).isTrue();
        JsonNode logged = awaitLogged(api, hook.id(), "succeeded");
        assertThat(logged.get("delivery_id").asString()).isEqualTo(delivery);
        assertThat(logged.get("response_status").asInt()).isEqualTo(204);
        assertThat(logged.get("attempts").asInt()).isEqualTo(1);
        Api.Response metrics = admin().get("/actuator/prometheus", "Accept", "text/plain");
        assertThat(metrics.raw())
                .contains("audience_webhooks_backlog")
                .contains("audience_webhooks_latency_seconds_count")
                .contains("audience_webhooks_failures_total");
        assertThat(logged.has("latency_ms")).isTrue();

        Api.Response again =
                api.post("/v3/webhooks/" + hook.id() + "/deliveries/" + delivery + "/redeliver", Api.object());
        assertThat(again.status()).as(again.toString()).isEqualTo(202);
        List<WebhookReceiver.Delivery> twice = await(hook, 2);
        assertThat(twice.get(1).id())
                .as("the same message, sent again")
                .isEqualTo(twice.get(0).id());
    }

    @Test
    void aRotatedSecretSignsWithTheOldOneTooForADay() {
        Hook hook = hook("Hooks rotate", "contact.created");
        Api api = hook.account().api();
        Api.Response rotated = api.post("/v3/webhooks/" + hook.id() + "/rotate_secret", Api.object());
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String fresh = rotated.json().get("secret").asString();
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(hook.secret());
        assertThat(rotated.json().get("previous_secret_expires_at").asString()).isNotBlank();
        assertThat(api.get("/v3/webhooks/" + hook.id()).json().has("secret"))
                .as("a secret is shown once")
                .isFalse();

        receiver.secrets(hook.secret());
        createContact(api, uniqueEmail("old-secret"));
        assertThat(await(hook, 1).get(0).verified())
                .as("verified with the old secret")
                .isTrue();
        receiver.secrets(fresh);
        createContact(api, uniqueEmail("new-secret"));
        assertThat(await(hook, 2).get(1).verified())
                .as("verified with the new secret")
                .isTrue();
        receiver.secrets("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]));
        createContact(api, uniqueEmail("wrong-secret"));
        assertThat(await(hook, 3).get(2).verified())
                .as("a wrong secret does not verify")
                .isFalse();
    }

    @Test
    void anotherAccountCanNeitherSeeNorChangeAWebhookNorItsDeliveries() {
        Hook hook = hook("Hooks owner", "contact.created");
        NamedAccount other = namedAccount("Hooks other");
        String base = "/v3/webhooks/" + hook.id();
        ObjectNode body = Api.object().put("url", receiver.url() + "/elsewhere");
        body.putArray("events").add("*");

        assertThat(other.api().get(base).status()).isEqualTo(404);
        assertThat(other.api().put(base, body).status()).isEqualTo(404);
        assertThat(other.api().delete(base).status()).isEqualTo(404);
        assertThat(other.api().post(base + "/test", Api.object()).status()).isEqualTo(404);
        assertThat(other.api().post(base + "/rotate_secret", Api.object()).status())
                .isEqualTo(404);
        assertThat(other.api().get(base + "/deliveries").status()).isEqualTo(404);
        assertThat(other.api().get("/v3/webhooks").json().get("webhooks")).isEmpty();
        createContact(other.api(), uniqueEmail("others"));
        FormWait.pause(1_500);
        assertThat(receiver.received().stream().filter(d -> d.path().equals(hook.path())))
                .as("another account's change is not told to this webhook")
                .isEmpty();
        assertThat(hook.account().api().get(base).json().get("url").asString()).endsWith(hook.path());
        assertThat(new Api(baseUrl(), null).get("/v3/webhooks").status()).isEqualTo(401);
    }

    @Test
    void badWebhookBodiesAreRefusedAndWriteNothing() {
        NamedAccount account = namedAccount("Hooks bad");
        List<String> bodies = List.of(
                "{\"events\": [\"*\"]}",
                "{\"url\": \"\", \"events\": [\"*\"]}",
                "{\"url\": \"ftp://example.com/hook\", \"events\": [\"*\"]}",
                "{\"url\": \"not a url\", \"events\": [\"*\"]}",
                "{\"url\": \"https://user:pw@example.com/hook\", \"events\": [\"*\"]}",
                "{\"url\": \"https://example.com/hook\"}",
                "{\"url\": \"https://example.com/hook\", \"events\": []}",
                "{\"url\": \"https://example.com/hook\", \"events\": [\"contact.exploded\"]}",
                "{\"url\": \"https://example.com/hook\", \"events\": [null]}",
                "{\"url\": \"https://example.com/hook\", \"events\": [\"ping\"]}",
                "{\"url\": \"https://example.com/hook\", \"events\": [\"*\"], \"description\": \"" + "d".repeat(501)
                        + "\"}",
                "{\"url\": \"https://example.com/hook\", \"events\": \"*\"}",
                "{\"url\": \"" + "https://example.com/" + "p".repeat(2_000) + "\", \"events\": [\"*\"]}");
        for (String body : bodies) {
            Api.Response refused = account.api().post("/v3/webhooks", body);
            assertThat(refused.status()).as(body + " -> " + refused).isEqualTo(400);
        }
        assertThat(account.api().get("/v3/webhooks").json().get("webhooks")).isEmpty();
        assertThat(account.api().get("/v3/webhooks/" + UUID.randomUUID()).status())
                .isEqualTo(404);
        assertThat(account.api().get("/v3/webhooks/nope").status()).isEqualTo(404);
        assertThat(Set.of(account.api()
                        .get("/v3/webhooks/" + UUID.randomUUID() + "/deliveries?limit=0")
                        .status()))
                .containsAnyOf(400, 404);
    }

    @Test
    void aCompletedActivityIsTold() {
        Hook hook = hook("Hooks activity", "activity.completed");
        Api.Response export = hook.account().api().post("/v3/activities/contact_exports", Api.json("{}"));
        assertThat(export.status()).as(export.toString()).isIn(201, 202);
        String activity = export.json().get("activity_id").asString();

        WebhookReceiver.Delivery got = await(hook, 1).get(0);

        assertThat(got.verified()).isTrue();
        assertThat(got.json().get("type").asString()).isEqualTo("activity.completed");
        assertThat(got.json().get("data").get("activity_id").asString()).isEqualTo(activity);
        assertThat(got.json().get("data").get("state").asString()).isEqualTo("completed");
    }
}
