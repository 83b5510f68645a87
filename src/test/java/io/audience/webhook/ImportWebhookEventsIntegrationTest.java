package io.audience.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Imports and bulk activities tell webhooks of every row, as the same change through the API
 * would, signed, once, in order per contact; an account without webhooks gets no events written.
 */
class ImportWebhookEventsIntegrationTest extends WebhookReceiverTestBase {

    @Test
    void anImportTellsOfEveryRowItCreatedUpdatedOrRevivedWithTheConsentAndTheListsAndNothingOfASkippedRow() {
        NamedAccount account = namedAccount("Import events");
        Api api = account.api();
        String list = createList(api, "Imported");
        String existingEmail = uniqueEmail("existing");
        String existing = createContact(api, existingEmail).get("contact_id").asString();
        String goneEmail = uniqueEmail("gone");
        String gone = createContact(api, goneEmail).get("contact_id").asString();
        assertThat(api.delete("/v3/contacts/" + gone).status()).isEqualTo(204);
        String outEmail = uniqueEmail("out");
        String out = createContact(api, outEmail).get("contact_id").asString();
        Api.Response optedOut = api.put("/v3/contacts/" + out, Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"}, "update_source": "Contact"}
                """.formatted(outEmail)));
        assertThat(optedOut.status()).as(optedOut.toString()).isEqualTo(200);
        Hook hook = hook(account, "Import events from now on");
        String freshEmail = uniqueEmail("fresh");

        JsonNode done = awaitCompleted(api, api.post("/v3/activities/contacts_json_import", Api.json("""
                {"list_ids": ["%s"], "import_data": [
                  {"email": "%s", "first_name": "Fresh"},
                  {"email": "%s", "first_name": "Existing"},
                  {"email": "%s", "first_name": "Back"},
                  {"email": "%s", "first_name": "Out"}]}
                """.formatted(
                        list, freshEmail, existingEmail, goneEmail, outEmail))));
        assertThat(done.get("status").get("items_total_count").asInt()).isEqualTo(4);
        String fresh = api.get("/v3/contacts?email=" + freshEmail)
                .json()
                .get("contacts")
                .get(0)
                .get("contact_id")
                .asString();

        await(hook, 8);
        FormWait.pause(1500);
        List<WebhookReceiver.Delivery> all = await(hook, 8);
        assertThat(all).allSatisfy(d -> assertThat(d.verified()).isTrue());
        assertThat(all.stream().filter(d -> type(d.json()).equals("activity.completed")))
                .as("and the import's completion")
                .hasSize(1);
        List<WebhookReceiver.Delivery> got = all.stream()
                .filter(d -> !type(d.json()).equals("activity.completed"))
                .toList();
        Map<String, List<String>> typesByContact = got.stream()
                .collect(Collectors.groupingBy(
                        d -> contactOf(d.json()), Collectors.mapping(d -> type(d.json()), Collectors.toList())));
        assertThat(typesByContact)
                .as("each row's events, once, in the order of the change; none for the person who opted out")
                .containsOnly(
                        Map.entry(fresh, List.of("contact.created", "consent.changed", "list_membership.added")),
                        Map.entry(existing, List.of("contact.updated", "list_membership.added")),
                        Map.entry(gone, List.of("contact.revived", "list_membership.added")));

        JsonNode created = event(got, fresh, "contact.created");
        assertThat(created.get("account_id").asString()).isEqualTo(account.id());
        assertThat(created.get("data").get("email_address").get("address").asString())
                .isEqualTo(freshEmail);
        assertThat(created.get("data").get("first_name").asString()).isEqualTo("Fresh");
        JsonNode consent = event(got, fresh, "consent.changed").get("data");
        assertThat(consent.get("email_address").asString()).isEqualTo(freshEmail);
        assertThat(consent.get("change").get("to_permission").asString()).isEqualTo("implicit");
        assertThat(consent.get("change").get("channel").asString()).isEqualTo("import");
        JsonNode added = event(got, gone, "list_membership.added").get("data");
        assertThat(added.get("list_ids").toString()).isEqualTo("[\"" + list + "\"]");
        assertThat(added.get("contact").get("first_name").asString()).isEqualTo("Back");
        assertThat(event(got, gone, "contact.revived").get("data").has("deleted_at"))
                .as("the revived contact is no longer deleted")
                .isFalse();
        assertThat(event(got, existing, "contact.updated")
                        .get("data")
                        .get("first_name")
                        .asString())
                .isEqualTo("Existing");
        assertThat(got.stream().map(WebhookReceiver.Delivery::id).distinct().count())
                .as("every event has an id of its own")
                .isEqualTo(7);
    }

    @Test
    void aBulkActivityTellsOfEveryContactItChangesAndAnAccountWithoutWebhooksHasNoEventsWritten() {
        NamedAccount account = namedAccount("Bulk events");
        Api api = account.api();
        String source = createList(api, "Source");
        String target = createList(api, "Target");
        awaitCompleted(api, api.post("/v3/activities/contacts_json_import", Api.json("""
                {"list_ids": ["%s"], "import_data": [{"email": "%s"}, {"email": "%s"}]}
                """.formatted(
                        source, uniqueEmail("bulk-a"), uniqueEmail("bulk-b")))));
        Hook hook = hook(account, "Bulk events from now on", "list_membership.added");

        awaitCompleted(api, api.post("/v3/activities/add_list_memberships", Api.json("""
                {"source": {"list_ids": ["%s"]}, "list_ids": ["%s"]}
                """.formatted(source, target))));
        List<WebhookReceiver.Delivery> got = await(hook, 2);
        assertThat(got).hasSize(2).allSatisfy(d -> {
            assertThat(d.verified()).isTrue();
            assertThat(type(d.json())).isEqualTo("list_membership.added");
            assertThat(d.json().get("data").get("list_ids").toString()).isEqualTo("[\"" + target + "\"]");
        });

        NamedAccount quiet = namedAccount("No webhooks");
        awaitCompleted(quiet.api(), quiet.api().post("/v3/activities/contacts_json_import", Api.json("""
                {"list_ids": ["%s"], "import_data": [{"email": "%s"}]}
                """.formatted(
                        createList(quiet.api(), "Quiet"), uniqueEmail("quiet")))));
        assertThat(db.fetchCount(
                        org.jooq.impl.DSL.table("webhook_event"),
                        org.jooq.impl.DSL.field("account_id").eq(UUID.fromString(quiet.id()))))
                .as("nothing is written for an account without webhooks")
                .isZero();
    }

    @Test
    void anImportRowNotYetToldComesBeforeALaterChangeOfItsContactAndAnErasedPersonsRowsAreNeverTold() {
        NamedAccount account = namedAccount("Import lag");
        Api api = account.api();
        String list = createList(api, "Lagging");
        Hook hook = hook(account, "Import lag");
        List<String> emails = new java.util.ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (int n = 0; n < 12; n++) {
            emails.add(uniqueEmail("lag" + n));
            rows.append(n == 0 ? "" : ",")
                    .append("{\"email\": \"%s\", \"first_name\": \"Imported\"}".formatted(emails.get(n)));
        }
        List<String> ids = changeAndEraseWhileTheImportWaits(
                account,
                () -> {
                    awaitCompleted(
                            api, api.post("/v3/activities/contacts_json_import", Api.json("""
                            {"list_ids": ["%s"], "import_data": [%s]}""".formatted(list, rows))));
                    return List.of(contactId(api, emails.get(10)), contactId(api, emails.get(11)));
                },
                emails.get(10));
        String changed = ids.get(0);
        String erased = ids.get(1);

        // 10 untouched rows x 3 events, the changed row's 3 and its update, contact.erased, activity.completed.
        List<WebhookReceiver.Delivery> got = awaitAll(hook, 36);
        assertThat(got).hasSize(36).allSatisfy(d -> assertThat(d.verified()).isTrue());
        Map<String, List<String>> typesByContact = got.stream()
                .filter(d -> !type(d.json()).equals("activity.completed"))
                .collect(Collectors.groupingBy(
                        d -> contactOf(d.json()), Collectors.mapping(d -> type(d.json()), Collectors.toList())));
        assertThat(typesByContact.get(changed))
                .as("the import's events of the contact, then the later change")
                .containsExactly("contact.created", "consent.changed", "list_membership.added", "contact.updated");
        assertThat(typesByContact.get(erased))
                .as("nothing about the erased person but the erase")
                .containsExactly("contact.erased");
        assertThat(typesByContact).hasSize(12);
        assertThat(typesByContact.values())
                .filteredOn(types -> types.size() == 3)
                .hasSize(10)
                .allSatisfy(types -> assertThat(types)
                        .containsExactly("contact.created", "consent.changed", "list_membership.added"));
        assertThat(got.stream().map(d -> d.json().toString()).filter(j -> j.contains(emails.get(11))))
                .as("no event holds the erased address")
                .isEmpty();
        assertThat(rowsWaiting(account)).isZero();

        java.util.Set<String> logged = new java.util.HashSet<>();
        String next = "/v3/webhooks/" + hook.id() + "/deliveries?limit=5";
        for (int page = 0; next != null && page < 20; page++) {
            JsonNode body = api.get(next).json();
            body.get("deliveries").forEach(d -> logged.add(d.get("delivery_id").asString()));
            JsonNode href = body.path("_links").path("next").path("href");
            next = href.isMissingNode() || href.isNull() ? null : href.asString();
        }
        assertThat(logged)
                .as("the log pages through every delivery, though an import's rows share their chunk's place")
                .hasSize(36);
        for (String bad : List.of("1-1-1-1-1", "12", "%00", "not-a-cursor")) {
            Api.Response refused = api.get("/v3/webhooks/" + hook.id() + "/deliveries?cursor=" + bad);
            assertThat(refused.status()).as("cursor " + bad).isEqualTo(400);
            assertThat(refused.raw()).contains("cursor is not one this service made");
        }
        NamedAccount stranger = namedAccount("Import lag stranger");
        assertThat(stranger.api()
                        .get("/v3/webhooks/" + hook.id() + "/deliveries?cursor="
                                + logged.iterator().next())
                        .status())
                .as("another account's log, cursor or not")
                .isEqualTo(404);
    }

    private static String contactId(Api api, String email) {
        return api.get("/v3/contacts?email=" + email)
                .json()
                .get("contacts")
                .get(0)
                .get("contact_id")
                .asString();
    }

    private static String type(JsonNode event) {
        return event.get("type").asString();
    }

    private static String contactOf(JsonNode event) {
        JsonNode data = event.get("data");
        if (data == null || (!data.has("contact_id") && !data.has("id"))) {
            throw new AssertionError("an event without its contact: " + event);
        }
        return data.has("contact_id")
                ? data.get("contact_id").asString()
                : data.get("id").asString();
    }

    private static JsonNode event(List<WebhookReceiver.Delivery> got, String contact, String type) {
        return got.stream()
                .map(WebhookReceiver.Delivery::json)
                .filter(e -> type(e).equals(type) && contactOf(e).equals(contact))
                .findFirst()
                .orElseThrow();
    }
}
