package io.audience.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Webhooks against a receiver in another process that checks every signature with its own code:
 * each change is told once, signed, in order per contact, also after the receiver was down; an
 * erase leaves no personal data in an event; one account never sees another's webhooks.
 */
class WebhooksIntegrationTest extends IntegrationTest {

    private static WebhookReceiver receiver;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    private record Hook(NamedAccount account, String id, String secret, String path) {}

    /** A webhook of a new account to its own path of the receiver, so tests never see each other's deliveries. */
    private Hook hook(String label, String... events) {
        NamedAccount account = namedAccount(label);
        String path = "/hook/" + UUID.randomUUID();
        ObjectNode body = Api.object()
                .put("url", receiver.url() + path.substring("/hook".length()))
                .put("description", label);
        var array = body.putArray("events");
        for (String event : events.length == 0 ? new String[] {"*"} : events) {
            array.add(event);
        }
        Api.Response created = account.api().post("/v3/webhooks", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String secret = created.json().get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        receiver.secrets(secret);
        return new Hook(account, created.json().get("webhook_id").asString(), secret, path);
    }

    private List<WebhookReceiver.Delivery> await(Hook hook, int count) {
        return receiver
                .awaitReceived(
                        all -> all.stream()
                                        .filter(d -> d.path().equals(hook.path()))
                                        .count()
                                >= count,
                        Duration.ofSeconds(30))
                .stream()
                .filter(d -> d.path().equals(hook.path()))
                .toList();
    }

    @Test
    void everyChangeIsToldOnceSignedWithTheContactAsTheApiShowsIt() throws Exception {
        Hook hook = hook("Hooks all");
        Api api = hook.account().api();
        String list = createList(api, "Tuesday");
        String email = uniqueEmail("hooked");
        JsonNode created =
                api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "implicit"}, "first_name": "Ada",
                 "list_memberships": ["%s"], "create_source": "Account"}
                """.formatted(email, list))).json();
        String id = created.get("contact_id").asString();
        assertThat(api.put("/v3/contacts/" + id, Api.json("""
                        {"email_address": {"address": "%s"}, "first_name": "Ada B", "update_source": "Account"}
                        """.formatted(email))).status())
                .isEqualTo(200);
        assertThat(api.delete("/v3/contacts/" + id).status()).isEqualTo(204);
        assertThat(api.put("/v3/contacts/" + id, Api.json("""
                        {"email_address": {"address": "%s"}, "first_name": "Ada", "update_source": "Account"}
                        """.formatted(email))).status())
                .isEqualTo(200);
        String unsubscribe = api.get("/v3/contacts/" + id + "/links")
                .json()
                .get("unsubscribe_url")
                .asString();
        HttpResponse<String> oneClick = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(unsubscribe))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(oneClick.statusCode()).isEqualTo(200);
        // Events of one contact arrive in order: once the opt-out is in, everything before it is too.
        // (An erase takes back what is still waiting: a receiver then gets contact.erased only.)
        receiver.awaitReceived(
                all -> all.stream()
                        .anyMatch(d -> d.path().equals(hook.path())
                                && d.body().contains("\"to_permission\":\"unsubscribed\"")),
                Duration.ofSeconds(30));
        assertThat(api.post("/v3/contacts/" + id + "/erase", Api.object()).status())
                .isEqualTo(204);

        Map<String, List<JsonNode>> byType = new LinkedHashMap<>();
        List<WebhookReceiver.Delivery> received = receiver.awaitReceived(
                all -> all.stream()
                        .anyMatch(d -> d.path().equals(hook.path()) && d.body().contains("contact.erased")),
                Duration.ofSeconds(30));
        FormWait.pause(1_000);
        for (WebhookReceiver.Delivery d : receiver.received()) {
            if (!d.path().equals(hook.path())) {
                continue;
            }
            assertThat(d.verified()).as("signature of %s", d.body()).isTrue();
            byType.computeIfAbsent(d.json().get("type").asString(), t -> new ArrayList<>())
                    .add(d.json());
        }
        assertThat(received).isNotEmpty();
        assertThat(byType.keySet())
                .contains(
                        "contact.created",
                        "contact.updated",
                        "contact.deleted",
                        "contact.revived",
                        "contact.erased",
                        "consent.changed",
                        "list_membership.added",
                        "list_membership.removed");
        assertThat(byType.get("contact.created")).hasSize(1);
        assertThat(byType.get("contact.erased")).hasSize(1);
        JsonNode erased = byType.get("contact.erased").get(0);
        assertThat(erased.get("data").toString())
                .as("an erased contact's event holds its id only")
                .isEqualTo("{\"contact_id\":\"" + id + "\"}");
        assertThat(erased.get("account_id").asString()).isEqualTo(hook.account().id());
        assertThat(erased.get("event_id").asString()).isNotBlank();
        assertThat(erased.get("occurred_at").asString()).isNotBlank();
        assertThat(db.fetchValue("select count(*) from webhook_event where payload ilike ?", "%" + email + "%"))
                .as("the erase took back every stored event naming the person")
                .isEqualTo(0L);
        JsonNode consent = byType.get("consent.changed").stream()
                .filter(e -> "unsubscribed"
                        .equals(e.get("data").get("change").get("to_permission").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(consent.get("data").get("change").get("source").asString()).isEqualTo("Contact");
        assertThat(consent.get("data").get("change").get("evidence").asString()).contains("RFC 8058");
        // Events before the erase were delivered with the contact as the API showed it then.
    }

    @Test
    void theContactOfAnEventIsAsTheApiShowsItAndEventsFollowTheSubscription() {
        Hook hook = hook("Hooks some", "contact.created");
        Api api = hook.account().api();
        String email = uniqueEmail("shown");
        String id = createContact(api, email).get("contact_id").asString();
        api.delete("/v3/contacts/" + id);

        List<WebhookReceiver.Delivery> got = await(hook, 1);
        FormWait.pause(1_500);
        List<String> types = receiver.received().stream()
                .filter(d -> d.path().equals(hook.path()))
                .map(d -> d.json().get("type").asString())
                .toList();
        assertThat(types).as("only what it subscribed to").containsExactly("contact.created");
        JsonNode data = got.get(0).json().get("data");
        JsonNode shown = api.get("/v3/contacts/" + id + "?include=custom_fields,list_memberships,phone_numbers,"
                        + "street_addresses,notes,taggings")
                .json();
        assertThat(data.get("contact_id").asString()).isEqualTo(id);
        assertThat(data.get("email_address").get("address").asString())
                .isEqualTo(shown.get("email_address").get("address").asString());
        assertThat(got.get(0).id()).isEqualTo(got.get(0).json().get("event_id").asString());
    }

    @Test
    void whileTheReceiverIsDownEveryEventWaitsAndArrivesAfterInOrderPerContact() throws Exception {
        Hook hook = hook("Hooks down", "contact.created", "contact.updated");
        Api api = hook.account().api();
        receiver.stop();
        List<String> ids = new ArrayList<>();
        try {
            for (int c = 0; c < 2; c++) {
                String email = uniqueEmail("order" + c);
                String id = createContact(api, email).get("contact_id").asString();
                ids.add(id);
                for (int n = 1; n <= 3; n++) {
                    assertThat(api.put("/v3/contacts/" + id, Api.json("""
                                {"email_address": {"address": "%s"}, "first_name": "v%d", "update_source": "Account"}
                                """.formatted(email, n)))
                                    .status())
                            .isEqualTo(200);
                }
            }
            FormWait.pause(2_000);
            JsonNode log =
                    api.get("/v3/webhooks/" + hook.id() + "/deliveries").json().get("deliveries");
            assertThat(log).isNotEmpty();
            assertThat(log.findValuesAsString("status")).contains("pending");
            assertThat(log.findValuesAsString("last_error").toString()).contains("Connect");
            assertThat(log.get(0).get("next_attempt_at").asString()).isNotBlank();

        } finally {
            receiver.start();
        }
        List<WebhookReceiver.Delivery> got = receiver.awaitReceived(
                all -> all.stream().filter(d -> d.path().equals(hook.path())).count() >= 8, Duration.ofSeconds(60));
        for (String id : ids) {
            List<String> names = got.stream()
                    .filter(d -> d.path().equals(hook.path()))
                    .map(WebhookReceiver.Delivery::json)
                    .filter(j -> id.equals(j.get("data").get("contact_id").asString()))
                    .map(j -> j.get("type").asString() + ":"
                            + j.get("data").path("first_name").asString(""))
                    .toList();
            assertThat(names)
                    .as("contact %s, in the order of its changes", id)
                    .containsExactly(
                            "contact.created:Test", "contact.updated:v1", "contact.updated:v2", "contact.updated:v3");
        }
    }

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

    private static JsonNode awaitLogged(Api api, String webhookId, String status) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            JsonNode log =
                    api.get("/v3/webhooks/" + webhookId + "/deliveries").json().get("deliveries");
            if (!log.isEmpty() && status.equals(log.get(0).get("status").asString())) {
                return log.get(0);
            }
            FormWait.pause(100);
        }
        throw new AssertionError("no delivery of " + webhookId + " became " + status);
    }

    /** Waiting without a busy loop. */
    static final class FormWait {
        static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
