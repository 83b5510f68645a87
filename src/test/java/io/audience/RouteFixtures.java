package io.audience;

import java.util.HashMap;
import java.util.Map;

/**
 * What the route sweeps name in their paths: one account's list, contact, tag, custom field,
 * export and API token, by the variable names the routes use.
 */
final class RouteFixtures {

    private RouteFixtures() {}

    static Map<String, String> of(Api admin, String accountId, Api api, String email, String label) {
        Map<String, String> ids = new HashMap<>();
        ids.put("account_id", accountId);
        ids.put("list_id", IntegrationTest.createList(api, label));
        ids.put(
                "contact_id",
                IntegrationTest.createContact(api, email).get("contact_id").asString());
        ids.put(
                "tag_id",
                api.post("/v3/contact_tags", Api.object().put("name", label))
                        .json()
                        .get("tag_id")
                        .asString());
        ids.put(
                "custom_field_id",
                api.post(
                                "/v3/contact_custom_fields",
                                Api.object().put("label", label).put("type", "string"))
                        .json()
                        .get("custom_field_id")
                        .asString());
        ids.put(
                "activity_id",
                api.post("/v3/activities/contact_exports", Api.object())
                        .json()
                        .get("activity_id")
                        .asString());
        ids.put(
                "token_id",
                admin.post("/admin/accounts/" + accountId + "/api_tokens", Api.object())
                        .json()
                        .get("token_id")
                        .asString());
        return ids;
    }
}
