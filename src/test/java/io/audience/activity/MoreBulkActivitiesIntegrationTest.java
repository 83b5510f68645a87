package io.audience.activity;

import static io.audience.activity.BulkActivitySupport.assertAccepted;
import static io.audience.activity.BulkActivitySupport.assertCounters;
import static io.audience.activity.BulkActivitySupport.createField;
import static io.audience.activity.BulkActivitySupport.createTag;
import static io.audience.activity.BulkActivitySupport.permission;
import static io.audience.activity.BulkActivitySupport.report;
import static io.audience.activity.BulkActivitySupport.signUp;
import static io.audience.activity.BulkActivitySupport.taggings;
import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
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
}
