package io.audience.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ContactsApiIntegrationTest extends IntegrationTest {

    @Test
    void contactWithEveryPropertyRoundTrips() {
        Api api = newAccount();
        String list = createList(api, "Everything");
        String email = uniqueEmail("full");
        Api.Response created = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "explicit"},
                 "first_name": "Debora", "last_name": "Lang", "job_title": "Musician", "company_name": "Acme",
                 "birthday_month": 11, "birthday_day": 24, "anniversary": "11/15/2006", "create_source": "Account",
                 "phone_numbers": [{"phone_number": "+1-555-555-5555", "kind": "home"},
                                   {"phone_number": "+1-555-000-0000", "kind": "mobile"}],
                 "street_addresses": [{"kind": "work", "street": "1601 Trapelo Rd", "city": "Waltham",
                                       "state": "Massachusetts", "postal_code": "02451", "country": "United States"}],
                 "notes": [{"content": "Met at the fair"}],
                 "list_memberships": ["%s"], "unknown_property": {"ignored": true}}
                """.formatted(email, list)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location").orElseThrow())
                .endsWith(created.json().get("contact_id").asString());
        String id = created.json().get("contact_id").asString();

        JsonNode read = api.get("/v3/contacts/" + id
                        + "?include=phone_numbers,street_addresses,notes,list_memberships,custom_fields,taggings")
                .json();

        assertThat(read.get("email_address").get("address").asString()).isEqualTo(email);
        assertThat(read.get("email_address").get("permission_to_send").asString())
                .isEqualTo("explicit");
        assertThat(read.get("email_address").get("opt_in_source").asString()).isEqualTo("Account");
        assertThat(read.get("first_name").asString()).isEqualTo("Debora");
        assertThat(read.get("job_title").asString()).isEqualTo("Musician");
        assertThat(read.get("company_name").asString()).isEqualTo("Acme");
        assertThat(read.get("birthday_month").asInt()).isEqualTo(11);
        assertThat(read.get("birthday_day").asInt()).isEqualTo(24);
        assertThat(read.get("anniversary").asString()).isEqualTo("2006-11-15");
        assertThat(read.get("create_source").asString()).isEqualTo("Account");
        assertThat(read.get("phone_numbers")).hasSize(2);
        assertThat(read.get("phone_numbers").get(1).get("kind").asString()).isEqualTo("mobile");
        assertThat(read.get("street_addresses").get(0).get("postal_code").asString())
                .isEqualTo("02451");
        assertThat(read.get("notes").get(0).get("content").asString()).isEqualTo("Met at the fair");
        assertThat(read.get("list_memberships").get(0).asString()).isEqualTo(list);
        assertThat(read.get("custom_fields")).isEmpty();
        assertThat(read.get("taggings")).isEmpty();
        assertThat(read.has("unknown_property")).isFalse();

        JsonNode plain = api.get("/v3/contacts/" + id).json();
        assertThat(plain.has("phone_numbers")).isFalse();
        assertThat(plain.has("list_memberships")).isFalse();
    }

    @Test
    void putReplacesTopLevelPropertiesAndKeepsOmittedSubResources() {
        Api api = newAccount();
        String email = uniqueEmail("put");
        String id = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "first_name": "Old", "last_name": "Name",
                 "create_source": "Account", "phone_numbers": [{"phone_number": "555", "kind": "work"}]}
                """.formatted(email)))
                .json()
                .get("contact_id")
                .asString();

        Api.Response put = api.put("/v3/contacts/" + id, Api.json("""
                {"email_address": {"address": "%s"}, "first_name": "New", "update_source": "Account"}
                """.formatted(email)));

        assertThat(put.status()).isEqualTo(200);
        JsonNode read = api.get("/v3/contacts/" + id + "?include=phone_numbers").json();
        assertThat(read.get("first_name").asString()).isEqualTo("New");
        assertThat(read.has("last_name")).isFalse();
        assertThat(read.get("phone_numbers").get(0).get("phone_number").asString())
                .isEqualTo("555");
        assertThat(read.get("update_source").asString()).isEqualTo("Account");
    }

    @Test
    void putToAnAddressOfAnotherContactIsAConflictNamingIt() {
        Api api = newAccount();
        String taken = uniqueEmail("taken");
        String owner = createContact(api, taken).get("contact_id").asString();
        String id = createContact(api, uniqueEmail("mover")).get("contact_id").asString();

        Api.Response put = api.put("/v3/contacts/" + id, Api.json("""
                {"email_address": {"address": "%s"}, "update_source": "Account"}
                """.formatted(taken)));

        assertThat(put.status()).isEqualTo(409);
        assertThat(put.error().get("contact_id").asString()).isEqualTo(owner);
        assertThat(put.error().get("status").asString()).isEqualTo("active");
    }

    @Test
    void putCanChangeTheAddressAndTheNewAddressIsLookedUp() {
        Api api = newAccount();
        String id = createContact(api, uniqueEmail("before")).get("contact_id").asString();
        String after = uniqueEmail("after");

        assertThat(api.put("/v3/contacts/" + id, Api.json("""
                {"email_address": {"address": "%s"}, "update_source": "Account"}
                """.formatted(after))).status())
                .isEqualTo(200);

        JsonNode found = api.get("/v3/contacts?email=" + after).json().get("contacts");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("contact_id").asString()).isEqualTo(id);
    }

    @Test
    void contactWithoutAnAddressCanBeCreatedByName() {
        Api api = newAccount();
        Api.Response created =
                api.post("/v3/contacts", Api.json("{\"first_name\": \"Nameonly\", \"create_source\": \"Contact\"}"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().has("email_address")).isFalse();
        assertThat(created.json().get("create_source").asString()).isEqualTo("Contact");
    }

    @Test
    void deletingTwiceIsHarmlessAndUnknownContactsAreNotFound() {
        Api api = newAccount();
        String id = createContact(api, uniqueEmail("twice")).get("contact_id").asString();
        assertThat(api.delete("/v3/contacts/" + id).status()).isEqualTo(204);
        assertThat(api.delete("/v3/contacts/" + id).status()).isEqualTo(204);
        Api.Response missing = api.delete("/v3/contacts/" + java.util.UUID.randomUUID());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.error().get("error_key").asString()).isEqualTo("contacts.api.not_found");
    }

    @Test
    void listingFiltersByStatusListsAndDates() {
        Api api = newAccount();
        String list = createList(api, "Filter");
        Instant before = Instant.now();
        String member = api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"]}
                """.formatted(uniqueEmail("member"), list)))
                .json()
                .get("contact_id")
                .asString();
        String out = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"}, "create_source": "Account"}
                """.formatted(uniqueEmail("out"))))
                .json()
                .get("contact_id")
                .asString();
        String deleted =
                createContact(api, uniqueEmail("deleted")).get("contact_id").asString();
        api.delete("/v3/contacts/" + deleted);

        assertThat(ids(api, "/v3/contacts")).containsExactlyInAnyOrder(member, out);
        assertThat(ids(api, "/v3/contacts?status=all")).containsExactlyInAnyOrder(member, out, deleted);
        assertThat(ids(api, "/v3/contacts?status=deleted")).containsExactly(deleted);
        assertThat(ids(api, "/v3/contacts?status=unsubscribed")).containsExactly(out);
        assertThat(ids(api, "/v3/contacts?status=deleted,unsubscribed")).containsExactlyInAnyOrder(out, deleted);
        assertThat(ids(api, "/v3/contacts?lists=" + list)).containsExactly(member);
        assertThat(ids(api, "/v3/contacts?created_after=" + before)).containsExactlyInAnyOrder(member, out);
        assertThat(ids(api, "/v3/contacts?created_before=" + before)).isEmpty();
        assertThat(ids(api, "/v3/contacts?optout_after=" + before)).containsExactly(out);
        assertThat(ids(api, "/v3/contacts?updated_after=2000-01-01")).containsExactlyInAnyOrder(member, out);
        assertThat(api.get("/v3/contacts?status=all&include_count=true")
                        .json()
                        .get("contacts_count")
                        .asInt())
                .isEqualTo(3);
    }

    private static java.util.List<String> ids(Api api, String path) {
        Api.Response response = api.get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        java.util.List<String> ids = new java.util.ArrayList<>();
        response.json().get("contacts").forEach(c -> ids.add(c.get("contact_id").asString()));
        return ids;
    }
}
