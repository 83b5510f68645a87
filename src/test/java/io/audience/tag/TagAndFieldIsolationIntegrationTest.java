package io.audience.tag;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagAndFieldIsolationIntegrationTest extends IntegrationTest {

    @Test
    void anotherAccountsTagsAndFieldsAreNotFoundAndCannotBeAttached() {
        Api a = newAccount();
        Api b = newAccount();
        String tag = a.post("/v3/contact_tags", Api.json("{\"name\": \"Secret\"}"))
                .json()
                .get("tag_id")
                .asString();
        String field = a.post("/v3/contact_custom_fields", Api.json("{\"label\": \"Secret\", \"type\": \"string\"}"))
                .json()
                .get("custom_field_id")
                .asString();
        String list = createList(b, "B's");

        for (Api.Response r : List.of(
                b.get("/v3/contact_tags/" + tag),
                b.put("/v3/contact_tags/" + tag, Api.json("{\"name\": \"Stolen\"}")),
                b.delete("/v3/contact_tags/" + tag),
                b.get("/v3/contact_custom_fields/" + field),
                b.put("/v3/contact_custom_fields/" + field, Api.json("{\"label\": \"Stolen\"}")),
                b.delete("/v3/contact_custom_fields/" + field),
                b.post("/v3/contacts", Api.json("""
                        {"email_address": {"address": "%s"}, "create_source": "Account", "taggings": ["%s"]}
                        """.formatted(uniqueEmail("b"), tag))),
                b.post("/v3/contacts", Api.json("""
                        {"email_address": {"address": "%s"}, "create_source": "Account",
                         "custom_fields": [{"custom_field_id": "%s", "value": "x"}]}
                        """.formatted(uniqueEmail("b"), field))),
                b.post("/v3/contacts/sign_up_form", Api.json("""
                        {"email_address": "%s", "list_memberships": ["%s"],
                         "custom_fields": [{"custom_field_id": "%s", "value": "x"}]}
                        """.formatted(uniqueEmail("b"), list, field))))) {
            assertThat(r.status()).as(r.toString()).isEqualTo(404);
            assertThat(r.error().get("error_key").asString()).isEqualTo("contacts.api.not_found");
        }
        assertThat(b.get("/v3/contact_tags").json().get("tags")).isEmpty();
        assertThat(b.get("/v3/contact_custom_fields").json().get("custom_fields"))
                .isEmpty();
        assertThat(b.get("/v3/contacts?status=all").json().get("contacts")).isEmpty();
        assertThat(a.get("/v3/contact_tags/" + tag).json().get("name").asString())
                .isEqualTo("Secret");
        assertThat(a.get("/v3/contact_custom_fields/" + field)
                        .json()
                        .get("label")
                        .asString())
                .isEqualTo("Secret");
    }
}
