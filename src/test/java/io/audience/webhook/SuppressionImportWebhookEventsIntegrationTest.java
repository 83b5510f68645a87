package io.audience.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A suppression import tells webhooks of each row that changed a contact's address, as the same
 * report through a provider would (consent.changed, delivery.bounced), signed, once, in order per
 * contact; an address no contact has is not told.
 */
class SuppressionImportWebhookEventsIntegrationTest extends WebhookReceiverTestBase {

    private static final String PATH = "/v3/activities/suppressions_import";

    @Test
    void aSuppressionImportTellsOfEachContactWhoseAddressItChangedAndOfNoAddressWithoutAContact() {
        NamedAccount account = namedAccount("Suppression events");
        Api api = account.api();
        String leaving = uniqueEmail("leaving");
        String leavingId = contactId(createContact(api, leaving));
        String bouncing = uniqueEmail("bouncing");
        String bouncingId = contactId(createContact(api, bouncing));
        String complaining = uniqueEmail("complaining");
        String complainingId = contactId(createContact(api, complaining));
        String gone = uniqueEmail("gone");
        String goneId = contactId(createContact(api, gone));
        Api.Response optOut = api.put("/v3/contacts/" + goneId, Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"}, "update_source": "Contact"}
                """.formatted(gone)));
        assertThat(optOut.status()).as(optOut.toString()).isEqualTo(200);
        Hook hook = hook(account, "Suppression events from now on");

        awaitCompleted(
                api,
                upload(
                        api,
                        "email,reason,occurred_at\n"
                                + leaving + ",unsubscribed,\n"
                                + bouncing + ",bounced,2024-05-06T07:08:09Z\n"
                                + complaining + ",complained,\n"
                                + gone + ",unsubscribed,\n"
                                + uniqueEmail("nocontact") + ",unsubscribed,\n"
                                + uniqueEmail("nocontactbounce") + ",bounced,\n"));

        await(hook, 4);
        FormWait.pause(1500);
        List<WebhookReceiver.Delivery> all = await(hook, 4);
        assertThat(all).hasSize(4).allSatisfy(d -> assertThat(d.verified()).isTrue());
        Map<String, List<String>> typesByContact = all.stream()
                .filter(d -> !type(d.json()).equals("activity.completed"))
                .collect(Collectors.groupingBy(
                        d -> d.json().get("data").get("contact_id").asString(),
                        Collectors.mapping(d -> type(d.json()), Collectors.toList())));
        assertThat(typesByContact)
                .as("one event per contact changed; none for the person opted out already, none without a contact")
                .containsOnly(
                        Map.entry(leavingId, List.of("consent.changed")),
                        Map.entry(bouncingId, List.of("delivery.bounced")),
                        Map.entry(complainingId, List.of("consent.changed")));

        JsonNode left = event(all, leavingId, "consent.changed").get("data");
        assertThat(left.get("email_address").asString()).isEqualTo(leaving);
        assertThat(left.get("change").get("to_permission").asString()).isEqualTo("unsubscribed");
        assertThat(left.get("change").get("channel").asString()).isEqualTo("import");
        JsonNode complained = event(all, complainingId, "consent.changed").get("data");
        assertThat(complained.get("change").get("to_permission").asString()).isEqualTo("unsubscribed");
        assertThat(complained.get("change").get("channel").asString()).isEqualTo("complaint");
        JsonNode bounced = event(all, bouncingId, "delivery.bounced").get("data");
        assertThat(bounced.get("email_address").asString()).isEqualTo(bouncing);
        assertThat(bounced.get("bounce_type").asString()).isEqualTo("hard");
        assertThat(bounced.get("source").asString()).isEqualTo("import");
        assertThat(bounced.get("delivery_status").asString()).isEqualTo("bounced");
        assertThat(bounced.get("bounce_reason").asString()).isEqualTo("imported: bounced");
        assertThat(java.time.OffsetDateTime.parse(bounced.get("bounced_at").asString()))
                .isEqualTo(java.time.OffsetDateTime.parse("2024-05-06T07:08:09Z"));
        assertThat(bounced.get("bounced_at").asString())
                .as("as the contact shows it")
                .isEqualTo(api.get("/v3/contacts/" + bouncingId)
                        .json()
                        .get("email_address")
                        .get("bounced_at")
                        .asString());
    }

    @Test
    void aSuppressionRowNotYetToldComesBeforeALaterChangeOfItsContactAndAnErasedPersonsRowIsNeverTold() {
        NamedAccount account = namedAccount("Suppression lag");
        Api api = account.api();
        List<String> emails = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        StringBuilder csv = new StringBuilder("email,reason\n");
        for (int n = 0; n < 8; n++) {
            emails.add(uniqueEmail("slag" + n));
            ids.add(contactId(createContact(api, emails.get(n))));
            csv.append(emails.get(n)).append(",unsubscribed\n");
        }
        Hook hook = hook(account, "Suppression lag");
        String changed = ids.get(6);
        String erased = ids.get(7);
        changeAndEraseWhileTheImportWaits(
                account,
                () -> {
                    awaitCompleted(api, upload(api, csv.toString()));
                    return List.of(changed, erased);
                },
                emails.get(6));

        // 6 untouched rows, the changed row's opt-out and its update, contact.erased, activity.completed.
        List<WebhookReceiver.Delivery> got = awaitAll(hook, 10);
        assertThat(got).hasSize(10).allSatisfy(d -> assertThat(d.verified()).isTrue());
        Map<String, List<String>> typesByContact = got.stream()
                .filter(d -> !type(d.json()).equals("activity.completed"))
                .collect(Collectors.groupingBy(
                        d -> d.json().get("data").get("contact_id").asString(),
                        Collectors.mapping(d -> type(d.json()), Collectors.toList())));
        assertThat(typesByContact.get(changed))
                .as("the import's opt-out of the contact, then the later change")
                .containsExactly("consent.changed", "contact.updated");
        assertThat(typesByContact.get(erased))
                .as("nothing about the erased person but the erase")
                .containsExactly("contact.erased");
        assertThat(typesByContact).hasSize(8);
        assertThat(typesByContact.values())
                .filteredOn(types -> types.size() == 1 && types.get(0).equals("consent.changed"))
                .hasSize(6);
        assertThat(got.stream().map(d -> d.json().toString()).filter(j -> j.contains(emails.get(7))))
                .as("no event holds the erased address")
                .isEmpty();
        assertThat(rowsWaiting(account)).isZero();
    }

    private static Api.Response upload(Api api, String csv) {
        Api.Response accepted = api.raw("POST", PATH, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        return accepted;
    }

    private static String contactId(JsonNode contact) {
        return contact.get("contact_id").asString();
    }

    private static String type(JsonNode event) {
        return event.get("type").asString();
    }

    private static JsonNode event(List<WebhookReceiver.Delivery> got, String contact, String type) {
        return got.stream()
                .map(WebhookReceiver.Delivery::json)
                .filter(e -> type(e).equals(type)
                        && e.get("data").get("contact_id").asString().equals(contact))
                .findFirst()
                .orElseThrow();
    }
}
