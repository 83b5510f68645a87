package io.audience.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BulkActivitiesIntegrationTest extends IntegrationTest {

    @Test
    void listMembershipsAreAddedAndRemovedInBulkButNeverForAPersonWhoOptedOut() {
        Api api = newAccount();
        String source = createList(api, "Source");
        String target = createList(api, "Target");
        String a = signUp(api, uniqueEmail("a"), source);
        String b = signUp(api, uniqueEmail("b"), source);
        String outEmail = uniqueEmail("out");
        String out = signUp(api, outEmail, source);
        api.put("/v3/contacts/" + out, Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"}, "update_source": "Contact",
                 "list_memberships": ["%s"]}
                """.formatted(outEmail, source)));

        JsonNode added = awaitCompleted(
                api, api.post("/v3/activities/add_list_memberships", Api.json("""
                {"source": {"list_ids": ["%s"]}, "list_ids": ["%s"]}
                """.formatted(source, target))));
        assertThat(added.get("status").get("items_total_count").asInt()).isEqualTo(3);
        assertThat(added.get("status").get("cannot_add_to_list_count").asInt()).isEqualTo(1);
        assertThat(members(api, target)).isEqualTo(2);

        JsonNode removed = awaitCompleted(
                api, api.post("/v3/activities/remove_list_memberships", Api.json("""
                {"source": {"contact_ids": ["%s"]}, "list_ids": ["%s"]}
                """.formatted(a, target))));
        assertThat(removed.get("status").get("person_count").asInt()).isEqualTo(1);
        assertThat(members(api, target)).isEqualTo(1);
        assertThat(api.get("/v3/contacts/" + b + "?include=list_memberships")
                        .json()
                        .get("list_memberships")
                        .toString())
                .contains(target);
    }

    @Test
    void contactsAreDeletedInBulkKeepingTheirConsent() {
        Api api = newAccount();
        String list = createList(api, "Doomed");
        String a = signUp(api, uniqueEmail("a"), list);
        String b = signUp(api, uniqueEmail("b"), list);
        String keep = createContact(api, uniqueEmail("keep")).get("contact_id").asString();

        JsonNode done = awaitCompleted(api, api.post("/v3/activities/contact_delete", Api.json("""
                {"list_ids": ["%s"]}
                """.formatted(list))));

        assertThat(done.get("status").get("items_completed_count").asInt()).isEqualTo(2);
        for (String id : new String[] {a, b}) {
            JsonNode contact = api.get("/v3/contacts/" + id).json();
            assertThat(contact.has("deleted_at")).isTrue();
            assertThat(contact.get("email_address").get("permission_to_send").asString())
                    .isEqualTo("explicit");
        }
        assertThat(api.get("/v3/contacts/" + keep).json().has("deleted_at")).isFalse();
    }

    @Test
    void badBulkRequestsAreRefusedAndAnotherAccountsContactsAreNotTouched() {
        Api api = newAccount();
        String list = createList(api, "L");
        assertThat(api.post("/v3/activities/contact_delete", Api.json("{}")).status())
                .isEqualTo(400);
        assertThat(api.post("/v3/activities/add_list_memberships", Api.json("""
                {"source": {"contact_ids": ["%s"], "list_ids": ["%s"]}, "list_ids": ["%s"]}
                """.formatted(
                                        java.util.UUID.randomUUID(), list, list)))
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/v3/activities/add_list_memberships", Api.json("""
                {"source": {"all_active_contacts": true}, "list_ids": ["%s"]}
                """.formatted(java.util.UUID.randomUUID())))
                        .status())
                .isEqualTo(404);

        Api other = newAccount();
        String theirs =
                createContact(other, uniqueEmail("theirs")).get("contact_id").asString();
        JsonNode done = awaitCompleted(api, api.post("/v3/activities/contact_delete", Api.json("""
                {"contact_ids": ["%s"]}
                """.formatted(theirs))));
        assertThat(done.get("status").get("error_count").asInt()).isEqualTo(1);
        assertThat(other.get("/v3/contacts/" + theirs).json().has("deleted_at")).isFalse();
    }

    private static String signUp(Api api, String email, String list) {
        return api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"]}
                """.formatted(email, list)))
                .json()
                .get("contact_id")
                .asString();
    }

    private static int members(Api api, String list) {
        return api.get("/v3/contact_lists/" + list + "?include_membership_count=all")
                .json()
                .get("membership_count")
                .asInt();
    }
}
