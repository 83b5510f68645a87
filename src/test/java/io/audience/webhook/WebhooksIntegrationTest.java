package io.audience.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The events: each change is told once, signed, with the contact as the API shows it, in order
 * per contact, also after the receiver was down; an erase leaves no personal data in an event.
 */
class WebhooksIntegrationTest extends WebhookReceiverTestBase {

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
}
