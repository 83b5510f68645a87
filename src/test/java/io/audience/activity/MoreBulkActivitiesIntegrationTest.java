package io.audience.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** list_delete, contacts_taggings_add/remove, contacts_tags_delete and custom_fields_delete, end to end. */
class MoreBulkActivitiesIntegrationTest extends IntegrationTest {

    @Test
    void listsAreDeletedInBulkWithTheirMembershipsAnAlreadyDeletedListSkippedAndAnUnknownOneFailed() {
        Api api = newAccount();
        String a = createList(api, "A");
        String b = createList(api, "B");
        String gone = createList(api, "Gone");
        assertThat(api.delete("/v3/contact_lists/" + gone).status()).isEqualTo(202);
        String member = signUp(api, uniqueEmail("member"), a);
        String unknown = UUID.randomUUID().toString();

        Api.Response accepted = api.post("/v3/activities/list_delete", Api.json("""
                {"list_ids": ["%s", "%s", "%s", "%s", "%s"]}
                """.formatted(a, b, gone, a, unknown)));

        assertAccepted(accepted);
        assertThat(accepted.json().get("status").get("list_count").asInt())
                .as("distinct lists")
                .isEqualTo(4);
        JsonNode done = awaitCompleted(api, accepted);
        assertThat(done.get("percent_done").asInt()).isEqualTo(100);
        assertCounters(done, 4, 1);
        assertThat(api.get("/v3/contact_lists/" + a).json().get("deleted_at").asString())
                .isNotBlank();
        assertThat(api.get("/v3/contact_lists/" + b).json().get("deleted_at").asString())
                .isNotBlank();
        assertThat(api.get("/v3/contact_lists").json().get("lists")).isEmpty();
        JsonNode contact =
                api.get("/v3/contacts/" + member + "?include=list_memberships").json();
        assertThat(contact.get("list_memberships")).isEmpty();
        assertThat(contact.has("deleted_at")).isFalse();
        List<String> report = report(api, done);
        assertThat(report.get(2)).startsWith("skipped").contains(gone).contains("already deleted");
        assertThat(report.get(3)).startsWith("failed").contains("No list " + unknown);
    }

    @Test
    void tagsAreAddedToAndRemovedFromContactsInBulkNeverTouchingConsentAndSkippingDeletedContacts() {
        Api api = newAccount();
        String list = createList(api, "Source");
        String gold = createTag(api, "Gold");
        String silver = createTag(api, "Silver");
        String a = signUp(api, uniqueEmail("a"), list);
        String outEmail = uniqueEmail("out");
        String out = signUp(api, outEmail, list);
        api.put("/v3/contacts/" + out, Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"}, "update_source": "Contact",
                 "list_memberships": ["%s"]}
                """.formatted(outEmail, list)));
        String deleted =
                createContact(api, uniqueEmail("deleted")).get("contact_id").asString();
        assertThat(api.delete("/v3/contacts/" + deleted).status()).isEqualTo(204);

        JsonNode added = awaitCompleted(
                api, assertAccepted(api.post("/v3/activities/contacts_taggings_add", Api.json("""
                {"source": {"list_ids": ["%s"]}, "tag_ids": ["%s", "%s"]}
                """.formatted(
                                list, gold, silver)))));
        assertCounters(added, 2, 0);
        assertThat(taggings(api, a)).containsExactlyInAnyOrder(gold, silver);
        assertThat(taggings(api, out)).containsExactlyInAnyOrder(gold, silver);
        assertThat(permission(api, a)).isEqualTo("explicit");
        assertThat(permission(api, out)).isEqualTo("unsubscribed");

        JsonNode skipped = awaitCompleted(
                api, api.post("/v3/activities/contacts_taggings_add", Api.json("""
                {"source": {"contact_ids": ["%s"]}, "tag_ids": ["%s"]}
                """.formatted(deleted, gold))));
        assertCounters(skipped, 1, 0);
        assertThat(skipped.get("status").get("person_count").asInt()).isZero();
        assertThat(report(api, skipped).get(0)).startsWith("skipped").contains("deleted");
        assertThat(taggings(api, deleted)).isEmpty();

        JsonNode removed = awaitCompleted(
                api, api.post("/v3/activities/contacts_taggings_remove", Api.json("""
                {"source": {"tag_ids": ["%s"]}, "tag_ids": ["%s"]}
                """.formatted(gold, gold))));
        assertCounters(removed, 2, 0);
        assertThat(taggings(api, a)).containsExactly(silver);
        assertThat(taggings(api, out)).containsExactly(silver);
        assertThat(permission(api, out)).isEqualTo("unsubscribed");

        JsonNode all =
                awaitCompleted(api, api.post("/v3/activities/contacts_taggings_add", Api.json("""
                {"source": {"all_active_contacts": true}, "tag_ids": ["%s"]}
                """.formatted(gold))));
        assertThat(all.get("status").get("person_count").asInt()).isEqualTo(2);
        assertThat(api.get("/v3/contact_tags/" + gold + "?include_count=true")
                        .json()
                        .get("contacts_count")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void tagsAreDeletedInBulkWithTheirTaggingsAndAnUnknownTagFailsItsRowAlone() {
        Api api = newAccount();
        String gold = createTag(api, "Gold");
        String silver = createTag(api, "Silver");
        String keep = createTag(api, "Keep");
        String contact = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account", "taggings": ["%s", "%s", "%s"]}
                """.formatted(uniqueEmail("tagged"), gold, silver, keep)))
                .json()
                .get("contact_id")
                .asString();
        String unknown = UUID.randomUUID().toString();

        JsonNode done = awaitCompleted(
                api, assertAccepted(api.post("/v3/activities/contacts_tags_delete", Api.json("""
                {"tag_ids": ["%s", "%s", "%s"]}
                """.formatted(
                                gold, unknown, silver)))));

        assertCounters(done, 3, 1);
        assertThat(api.get("/v3/contact_tags/" + gold).status()).isEqualTo(404);
        assertThat(api.get("/v3/contact_tags/" + silver).status()).isEqualTo(404);
        assertThat(taggings(api, contact)).containsExactly(keep);
        assertThat(report(api, done).get(1)).startsWith("failed").contains("No tag " + unknown);
        assertThat(api.delete("/v3/contact_tags/" + keep).status())
                .as("the single delete")
                .isEqualTo(202);
    }

    @Test
    void customFieldsAreDeletedInBulkWithTheirValuesOnEveryContact() {
        Api api = newAccount();
        String shoe = createField(api, "Shoe size");
        String city = createField(api, "City");
        String keep = createField(api, "Keep");
        String contact = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account", "custom_fields": [
                 {"custom_field_id": "%s", "value": "42"}, {"custom_field_id": "%s", "value": "Oslo"},
                 {"custom_field_id": "%s", "value": "kept"}]}
                """.formatted(uniqueEmail("fields"), shoe, city, keep)))
                .json()
                .get("contact_id")
                .asString();

        JsonNode done = awaitCompleted(
                api,
                assertAccepted(api.post("/v3/activities/custom_fields_delete", Api.json("""
                {"custom_field_ids": ["%s", "%s"]}
                """.formatted(shoe, city)))));

        assertCounters(done, 2, 0);
        assertThat(api.get("/v3/contact_custom_fields/" + shoe).status()).isEqualTo(404);
        assertThat(api.get("/v3/contact_custom_fields/" + city).status()).isEqualTo(404);
        JsonNode values = api.get("/v3/contacts/" + contact + "?include=custom_fields")
                .json()
                .get("custom_fields");
        assertThat(values).hasSize(1);
        assertThat(values.get(0).get("custom_field_id").asString()).isEqualTo(keep);
        assertThat(values.get(0).get("value").asString()).isEqualTo("kept");
        assertThat(api.delete("/v3/contact_custom_fields/" + keep).status())
                .as("the single delete")
                .isEqualTo(204);
    }

    @Test
    void anotherAccountsListsTagsFieldsAndContactsAreNeitherDeletedNorTagged() {
        Api mine = newAccount();
        Api theirs = newAccount();
        String theirList = createList(theirs, "Theirs");
        String theirTag = createTag(theirs, "Theirs");
        String theirField = createField(theirs, "Theirs");
        String theirContact = theirs.post(
                        "/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account", "taggings": ["%s"],
                 "list_memberships": ["%s"], "custom_fields": [{"custom_field_id": "%s", "value": "v"}]}
                """.formatted(uniqueEmail("theirs"), theirTag, theirList, theirField)))
                .json()
                .get("contact_id")
                .asString();
        String myTag = createTag(mine, "Mine");

        assertCounters(
                awaitCompleted(
                        mine,
                        mine.post("/v3/activities/list_delete", Api.json("{\"list_ids\": [\"" + theirList + "\"]}"))),
                1,
                1);
        assertCounters(
                awaitCompleted(
                        mine,
                        mine.post(
                                "/v3/activities/contacts_tags_delete",
                                Api.json("{\"tag_ids\": [\"" + theirTag + "\"]}"))),
                1,
                1);
        assertCounters(
                awaitCompleted(
                        mine,
                        mine.post(
                                "/v3/activities/custom_fields_delete",
                                Api.json("{\"custom_field_ids\": [\"" + theirField + "\"]}"))),
                1,
                1);
        for (String kind : new String[] {"contacts_taggings_add", "contacts_taggings_remove"}) {
            Api.Response foreignTag = mine.post("/v3/activities/" + kind, Api.json("""
                    {"source": {"all_active_contacts": true}, "tag_ids": ["%s"]}
                    """.formatted(theirTag)));
            assertThat(foreignTag.status()).as(foreignTag.toString()).isEqualTo(404);
            assertThat(foreignTag.error().get("error_key").asString()).isEqualTo("contacts.api.not_found");
            assertThat(foreignTag.error().get("error_message").asString()).contains(theirTag);
        }
        JsonNode foreignContact = awaitCompleted(
                mine, mine.post("/v3/activities/contacts_taggings_add", Api.json("""
                {"source": {"contact_ids": ["%s"]}, "tag_ids": ["%s"]}
                """.formatted(theirContact, myTag))));
        assertCounters(foreignContact, 1, 1);
        assertThat(mine.get("/v3/activities").json().get("activities"))
                .as("no activity for the 404s")
                .hasSize(4);

        assertThat(theirs.get("/v3/contact_lists/" + theirList).json().has("deleted_at"))
                .isFalse();
        assertThat(theirs.get("/v3/contact_tags/" + theirTag).status()).isEqualTo(200);
        assertThat(theirs.get("/v3/contact_custom_fields/" + theirField).status())
                .isEqualTo(200);
        JsonNode contact = theirs.get(
                        "/v3/contacts/" + theirContact + "?include=taggings,list_memberships,custom_fields")
                .json();
        assertThat(contact.get("taggings").toString()).isEqualTo("[\"" + theirTag + "\"]");
        assertThat(contact.get("list_memberships").toString()).contains(theirList);
        assertThat(contact.get("custom_fields")).hasSize(1);

        String myActivity = foreignContact.get("activity_id").asString();
        assertThat(theirs.get("/v3/activities/" + myActivity).status()).isEqualTo(404);
        assertThat(theirs.get("/v3/activities/" + myActivity + "/report").status())
                .isEqualTo(404);
        assertThat(theirs.get("/v3/activities").json().get("activities")).isEmpty();
    }

    private static Api.Response assertAccepted(Api.Response accepted) {
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        JsonNode body = accepted.json();
        String id = body.get("activity_id").asString();
        assertThat(accepted.header("Location").orElseThrow()).isEqualTo("/v3/activities/" + id);
        assertThat(body.get("_links").get("self").get("href").asString()).isEqualTo("/v3/activities/" + id);
        assertThat(body.get("state").asString()).isIn("initialized", "processing", "completed");
        assertThat(body.get("status").has("items_total_count")).isTrue();
        assertThat(body.get("activity_errors")).isEmpty();
        return accepted;
    }

    private static void assertCounters(JsonNode done, int items, int errors) {
        JsonNode status = done.get("status");
        assertThat(status.get("items_total_count").asInt()).as(done.toString()).isEqualTo(items);
        assertThat(status.get("items_completed_count").asInt())
                .as(done.toString())
                .isEqualTo(items);
        assertThat(status.get("error_count").asInt()).as(done.toString()).isEqualTo(errors);
    }

    /** Each row of the activity's report as "outcome: reason". */
    private static List<String> report(Api api, JsonNode activity) {
        JsonNode rows = api.get("/v3/activities/" + activity.get("activity_id").asString() + "/report")
                .json()
                .get("rows");
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.get("outcome").asString() + ": "
                + (r.has("reason") ? r.get("reason").asString() : "")));
        return out;
    }

    private static List<String> taggings(Api api, String contact) {
        List<String> out = new ArrayList<>();
        api.get("/v3/contacts/" + contact + "?include=taggings")
                .json()
                .get("taggings")
                .forEach(t -> out.add(t.asString()));
        return out;
    }

    private static String permission(Api api, String contact) {
        return api.get("/v3/contacts/" + contact)
                .json()
                .get("email_address")
                .get("permission_to_send")
                .asString();
    }

    private static String signUp(Api api, String email, String list) {
        return api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"]}
                """.formatted(email, list)))
                .json()
                .get("contact_id")
                .asString();
    }

    private static String createTag(Api api, String name) {
        Api.Response tag = api.post("/v3/contact_tags", Api.object().put("name", name));
        assertThat(tag.status()).as(tag.toString()).isEqualTo(201);
        return tag.json().get("tag_id").asString();
    }

    private static String createField(Api api, String label) {
        Api.Response field = api.post(
                "/v3/contact_custom_fields", Api.object().put("label", label).put("type", "string"));
        assertThat(field.status()).as(field.toString()).isEqualTo(201);
        return field.json().get("custom_field_id").asString();
    }
}
