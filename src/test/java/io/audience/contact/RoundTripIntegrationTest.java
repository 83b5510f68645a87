package io.audience.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every property a client can send comes back as sent, in the vendor's shapes. */
class RoundTripIntegrationTest extends IntegrationTest {

    @Test
    void contactPutWithEveryPropertyIsReadBackAsSent() {
        Api api = newAccount();
        String list = createList(api, "All");
        String other = createList(api, "Other");
        String tag = api.post("/v3/contact_tags", Api.json("{\"name\": \"Round\"}"))
                .json()
                .get("tag_id")
                .asString();
        String text = field(api, "{\"label\": \"Nickname\", \"type\": \"string\"}");
        String pick = field(
                api,
                "{\"label\": \"Size\", \"type\": \"single_select\", \"choices\": "
                        + "[{\"choice_label\": \"S\"}, {\"choice_label\": \"M\"}]}");
        String email = uniqueEmail("round");
        String id = createContact(api, email).get("contact_id").asString();
        ObjectNode sent = Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "explicit"},
                 "first_name": "Debora", "last_name": "Lang", "job_title": "Musician", "company_name": "Acme Corp.",
                 "birthday_month": 11, "birthday_day": 24, "anniversary": "2006-11-15", "update_source": "Account",
                 "phone_numbers": [{"phone_number": "+1-555-555-5555", "kind": "home"},
                                   {"phone_number": "+1-555-555-0000", "kind": "mobile"}],
                 "street_addresses": [{"kind": "work", "street": "1601 Trapelo Rd", "city": "Waltham",
                                       "state": "Massachusetts", "postal_code": "02451", "country": "United States"}],
                 "notes": [{"note_id": "%s", "created_at": "2021-05-12T13:48:44.108Z",
                            "content": "This contact resubscribed on 2021-05-12."}],
                 "list_memberships": ["%s", "%s"],
                 "taggings": ["%s"],
                 "custom_fields": [{"custom_field_id": "%s", "value": "Deb"},
                                   {"custom_field_id": "%s", "choice_ids": ["2"]}]}
                """.formatted(email, java.util.UUID.randomUUID(), list, other, tag, text, pick));

        assertThat(api.put("/v3/contacts/" + id, sent).status()).isEqualTo(200);

        JsonNode read = api.get("/v3/contacts/" + id + "?include=custom_fields,list_memberships,phone_numbers,"
                        + "street_addresses,taggings,notes")
                .json();
        assertContains(read, sent, "$");
    }

    /** Every value sent is in what was read, at the same place; the read may add read-only properties. */
    private static void assertContains(JsonNode read, JsonNode sent, String path) {
        if (sent.isObject()) {
            assertThat(read.isObject()).as(path).isTrue();
            for (Iterator<Map.Entry<String, JsonNode>> it = sent.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                assertThat(read.has(e.getKey()))
                        .as(path + "." + e.getKey() + " in " + read)
                        .isTrue();
                assertContains(read.get(e.getKey()), e.getValue(), path + "." + e.getKey());
            }
        } else if (sent.isArray()) {
            assertThat(read.size()).as(path + " size").isEqualTo(sent.size());
            for (int i = 0; i < sent.size(); i++) {
                assertContains(read.get(i), sent.get(i), path + "[" + i + "]");
            }
        } else if (path.endsWith("created_at")) {
            assertThat(java.time.Instant.parse(read.asString()))
                    .as(path)
                    .isEqualTo(java.time.Instant.parse(sent.asString()));
        } else {
            assertThat(read.toString()).as(path).isEqualTo(sent.toString());
        }
    }

    private static String field(Api api, String body) {
        Api.Response created = api.post("/v3/contact_custom_fields", Api.json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("custom_field_id").asString();
    }
}
