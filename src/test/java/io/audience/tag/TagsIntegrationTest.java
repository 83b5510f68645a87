package io.audience.tag;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TagsIntegrationTest extends IntegrationTest {

    @Test
    void tagIsCreatedReadRenamedCountedAndDeletedFromEveryContactFirst() {
        Api api = newAccount();
        Api.Response created =
                api.post("/v3/contact_tags", Api.json("{\"name\": \"Gold card\", \"tag_source\": \"ESTY\"}"));
        assertThat(created.status()).isEqualTo(201);
        String tag = created.json().get("tag_id").asString();
        assertThat(created.json().get("tag_source").asString()).isEqualTo("ESTY");
        String contact = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account", "taggings": ["%s"]}
                """.formatted(uniqueEmail("tagged"), tag)))
                .json()
                .get("contact_id")
                .asString();

        JsonNode read =
                api.get("/v3/contact_tags/" + tag + "?include_count=true").json();
        assertThat(read.get("contacts_count").asInt()).isEqualTo(1);
        assertThat(api.get("/v3/contact_tags/" + tag).json().has("contacts_count"))
                .isFalse();

        Api.Response renamed =
                api.put("/v3/contact_tags/" + tag, Api.json("{\"name\": \"Platinum card\", \"tag_source\": \"X\"}"));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("name").asString()).isEqualTo("Platinum card");
        assertThat(renamed.json().get("tag_source").asString())
                .as("tag_source is read-only")
                .isEqualTo("ESTY");

        Api.Response deleted = api.delete("/v3/contact_tags/" + tag);
        assertThat(deleted.status()).isEqualTo(202);
        assertThat(api.get("/v3/activities/" + deleted.json().get("activity_id").asString())
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("completed");
        assertThat(api.get("/v3/contact_tags/" + tag).status()).isEqualTo(404);
        assertThat(api.get("/v3/contacts/" + contact + "?include=taggings")
                        .json()
                        .get("taggings"))
                .isEmpty();
    }

    @Test
    void tagNamesAreUniquePerAccountAndTheConflictNamesTheTag() {
        Api api = newAccount();
        String first = api.post("/v3/contact_tags", Api.json("{\"name\": \"VIP\"}"))
                .json()
                .get("tag_id")
                .asString();
        String second = api.post("/v3/contact_tags", Api.json("{\"name\": \"Regular\"}"))
                .json()
                .get("tag_id")
                .asString();

        Api.Response duplicate = api.post("/v3/contact_tags", Api.json("{\"name\": \"vip\"}"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.error().get("tag_id").asString()).isEqualTo(first);
        Api.Response rename = api.put("/v3/contact_tags/" + second, Api.json("{\"name\": \"VIP\"}"));
        assertThat(rename.status()).isEqualTo(409);
        assertThat(rename.error().get("error_message").asString()).contains(first);
        assertThat(newAccount()
                        .post("/v3/contact_tags", Api.json("{\"name\": \"VIP\"}"))
                        .status())
                .as("another account may use the name")
                .isEqualTo(201);
    }

    @Test
    void tagsPageWithACursorAndBadInputIsRefused() {
        Api api = newAccount();
        for (int i = 0; i < 5; i++) {
            api.post("/v3/contact_tags", Api.json("{\"name\": \"Tag " + i + "\"}"));
        }
        Set<String> seen = new HashSet<>();
        String page = "/v3/contact_tags?limit=2&include_count=true";
        while (page != null) {
            JsonNode body = api.get(page).json();
            body.get("tags")
                    .forEach(t ->
                            assertThat(seen.add(t.get("tag_id").asString())).isTrue());
            page = body.has("_links")
                    ? body.get("_links").get("next").get("href").asString()
                    : null;
        }
        assertThat(seen).hasSize(5);
        assertThat(api.post("/v3/contact_tags", Api.json("{\"name\": \"\"}")).status())
                .isEqualTo(400);
        assertThat(api.post("/v3/contact_tags", Api.json("{\"name\": \"" + "x".repeat(256) + "\"}"))
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/v3/contact_tags?limit=501").status()).isEqualTo(400);
        assertThat(api.get("/v3/contact_tags").json().get("tags")).hasSize(5);
    }

    @Test
    void contactsAreFilteredByTagsAndTaggingsAreLimited() {
        Api api = newAccount();
        String tag = api.post("/v3/contact_tags", Api.json("{\"name\": \"Filter\"}"))
                .json()
                .get("tag_id")
                .asString();
        String tagged = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account", "taggings": ["%s"]}
                """.formatted(uniqueEmail("in"), tag)))
                .json()
                .get("contact_id")
                .asString();
        createContact(api, uniqueEmail("out"));

        JsonNode found =
                api.get("/v3/contacts?tags=" + tag + "&include=taggings").json().get("contacts");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("contact_id").asString()).isEqualTo(tagged);
        assertThat(found.get(0).get("taggings").get(0).asString()).isEqualTo(tag);

        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ",")
                    .append('"')
                    .append(java.util.UUID.randomUUID())
                    .append('"');
        }
        Api.Response tooMany = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account", "taggings": [%s]}
                """.formatted(uniqueEmail("many"), many)));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.error().get("error_message").asString())
                .contains("taggings")
                .contains("50");
        Api.Response unknown =
                api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account", "taggings": ["%s"]}
                """.formatted(uniqueEmail("unknown"), java.util.UUID.randomUUID())));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api.get("/v3/contacts?status=all&include_count=true")
                        .json()
                        .get("contacts_count")
                        .asInt())
                .as("refused creates wrote nothing")
                .isEqualTo(2);
    }
}
