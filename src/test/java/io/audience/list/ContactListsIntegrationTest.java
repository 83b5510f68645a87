package io.audience.list;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ContactListsIntegrationTest extends IntegrationTest {

    @Test
    void listIsCreatedReadUpdatedAndDeletedAsAnActivity() {
        Api api = newAccount();
        Api.Response created = api.post(
                "/v3/contact_lists",
                Api.json("{\"name\": \"Repeat buyers\", \"description\": \"Bought twice\", \"favorite\": true}"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("list_id").asString();
        assertThat(created.json().get("favorite").asBoolean()).isTrue();

        Api.Response updated = api.put("/v3/contact_lists/" + id, Api.json("{\"name\": \"Loyal buyers\"}"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("name").asString()).isEqualTo("Loyal buyers");
        assertThat(updated.json().has("description")).isFalse();

        Api.Response deleted = api.delete("/v3/contact_lists/" + id);
        assertThat(deleted.status()).isEqualTo(202);
        String activity = deleted.json().get("activity_id").asString();
        assertThat(deleted.header("Location").orElseThrow()).isEqualTo("/v3/activities/" + activity);
        JsonNode status = api.get("/v3/activities/" + activity).json();
        assertThat(status.get("state").asString()).isEqualTo("completed");
        assertThat(status.get("percent_done").asInt()).isEqualTo(100);

        JsonNode gone = api.get("/v3/contact_lists/" + id).json();
        assertThat(gone.get("deleted_at").asString()).isNotBlank();
        assertThat(api.get("/v3/contact_lists").json().get("lists")).isEmpty();
        assertThat(api.get("/v3/contact_lists?status=deleted").json().get("lists"))
                .hasSize(1);
        assertThat(api.put("/v3/contact_lists/" + id, Api.json("{\"name\": \"x\"}"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void listNamesAreUniqueAmongLiveListsAndTheConflictNamesTheList() {
        Api api = newAccount();
        String first = createList(api, "Unique");

        Api.Response duplicate = api.post("/v3/contact_lists", Api.json("{\"name\": \"unique\"}"));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.error().get("list_id").asString()).isEqualTo(first);
        assertThat(duplicate.error().get("error_message").asString()).contains(first);
        api.delete("/v3/contact_lists/" + first);
        assertThat(api.post("/v3/contact_lists", Api.json("{\"name\": \"Unique\"}"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void deletingAListRemovesItsMembershipsButNotTheContacts() {
        Api api = newAccount();
        String list = createList(api, "Doomed");
        String contact = api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"]}
                """.formatted(uniqueEmail("member"), list)))
                .json()
                .get("contact_id")
                .asString();

        api.delete("/v3/contact_lists/" + list);

        JsonNode read =
                api.get("/v3/contacts/" + contact + "?include=list_memberships").json();
        assertThat(read.get("list_memberships")).isEmpty();
        assertThat(read.has("deleted_at")).isFalse();
    }

    @Test
    void membershipCountsAreExactUnderConcurrentSignUps() throws Exception {
        Api api = newAccount();
        String list = createList(api, "Busy");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            java.util.List<java.util.concurrent.Future<Api.Response>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String email = uniqueEmail("busy" + i);
                calls.add(
                        pool.submit(() -> api.post("/v3/contacts/sign_up_form", Api.json("""
                        {"email_address": "%s", "list_memberships": ["%s"]}
                        """.formatted(email, list)))));
            }
            for (var call : calls) {
                assertThat(call.get().status()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(api.get("/v3/contact_lists/" + list + "?include_membership_count=all")
                        .json()
                        .get("membership_count")
                        .asInt())
                .isEqualTo(40);
        assertThat(api.get("/v3/contact_lists?include_membership_count=active")
                        .json()
                        .get("lists")
                        .get(0)
                        .get("membership_count")
                        .asInt())
                .isEqualTo(40);
    }

    @Test
    void listsPageWithCountsAndFilters() {
        Api api = newAccount();
        String a = createList(api, "A");
        createList(api, "B");
        createList(api, "C");
        api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"]}
                """.formatted(uniqueEmail("one"), a)));
        api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"}, "create_source": "Account",
                 "list_memberships": ["%s"]}
                """.formatted(uniqueEmail("two"), a)));

        JsonNode first = api.get("/v3/contact_lists?limit=2&include_count=true&include_membership_count=all")
                .json();
        assertThat(first.get("lists")).hasSize(2);
        assertThat(first.get("lists_count").asInt()).isEqualTo(3);
        assertThat(first.get("lists").get(0).get("membership_count").asInt()).isEqualTo(2);
        JsonNode second =
                api.get(first.get("_links").get("next").get("href").asString()).json();
        assertThat(second.get("lists")).hasSize(1);
        assertThat(second.has("_links")).isFalse();

        assertThat(api.get("/v3/contact_lists/" + a + "?include_membership_count=active")
                        .json()
                        .get("membership_count")
                        .asInt())
                .isEqualTo(1);
        assertThat(api.get("/v3/contact_lists?name=B").json().get("lists")).hasSize(1);
    }
}
