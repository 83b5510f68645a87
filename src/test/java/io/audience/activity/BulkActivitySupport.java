package io.audience.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** What the bulk-activity suites share: their fixtures and the checks of an accepted and a finished activity. */
final class BulkActivitySupport {

    private BulkActivitySupport() {}

    static Api.Response assertAccepted(Api.Response accepted) {
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

    static void assertCounters(JsonNode done, int items, int errors) {
        JsonNode status = done.get("status");
        assertThat(status.get("items_total_count").asInt()).as(done.toString()).isEqualTo(items);
        assertThat(status.get("items_completed_count").asInt())
                .as(done.toString())
                .isEqualTo(items);
        assertThat(status.get("error_count").asInt()).as(done.toString()).isEqualTo(errors);
    }

    /** Each row of the activity's report as "outcome: reason". */
    static List<String> report(Api api, JsonNode activity) {
        JsonNode rows = api.get("/v3/activities/" + activity.get("activity_id").asString() + "/report")
                .json()
                .get("rows");
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.get("outcome").asString() + ": "
                + (r.has("reason") ? r.get("reason").asString() : "")));
        return out;
    }

    static List<String> taggings(Api api, String contact) {
        List<String> out = new ArrayList<>();
        api.get("/v3/contacts/" + contact + "?include=taggings")
                .json()
                .get("taggings")
                .forEach(t -> out.add(t.asString()));
        return out;
    }

    static String permission(Api api, String contact) {
        return api.get("/v3/contacts/" + contact)
                .json()
                .get("email_address")
                .get("permission_to_send")
                .asString();
    }

    static String signUp(Api api, String email, String list) {
        return api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"]}
                """.formatted(email, list)))
                .json()
                .get("contact_id")
                .asString();
    }

    static String createTag(Api api, String name) {
        Api.Response tag = api.post("/v3/contact_tags", Api.object().put("name", name));
        assertThat(tag.status()).as(tag.toString()).isEqualTo(201);
        return tag.json().get("tag_id").asString();
    }

    static String createField(Api api, String label) {
        Api.Response field = api.post(
                "/v3/contact_custom_fields", Api.object().put("label", label).put("type", "string"));
        assertThat(field.status()).as(field.toString()).isEqualTo(201);
        return field.json().get("custom_field_id").asString();
    }
}
