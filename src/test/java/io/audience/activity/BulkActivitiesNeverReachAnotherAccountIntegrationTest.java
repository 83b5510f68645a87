package io.audience.activity;

import static io.audience.activity.BulkActivitySupport.assertCounters;
import static io.audience.activity.BulkActivitySupport.createField;
import static io.audience.activity.BulkActivitySupport.createTag;
import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Bulk deletes and taggings name lists, tags, fields and contacts by id: another account's are out of reach. */
class BulkActivitiesNeverReachAnotherAccountIntegrationTest extends IntegrationTest {

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
}
