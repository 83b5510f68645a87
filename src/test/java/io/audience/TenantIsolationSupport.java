package io.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** What the tenant-isolation suites share: account A's data and the checks that B reaches none of it. */
abstract class TenantIsolationSupport extends IntegrationTest {

    protected static final String NOT_FOUND = "contacts.api.not_found";

    /** Account A's data: a list, a contact on it with a phone, a signed-up person, a deleted list's activity. */
    protected final class TenantA {

        final NamedAccount account = namedAccount("A");
        final Api api = account.api();
        final String listId = createList(api, "Customers");
        final String email = uniqueEmail("alice");
        final String signUpEmail = uniqueEmail("signed-up");
        final String contactId;
        final String signedUpId;
        final String deletedListId;
        final String activityId;

        TenantA() {
            Api.Response contact = api.post("/v3/contacts", Api.json("""
                    {"email_address": {"address": "%s", "permission_to_send": "explicit"}, "first_name": "Alice",
                     "create_source": "Account", "list_memberships": ["%s"],
                     "phone_numbers": [{"phone_number": "+1 555 0100", "kind": "mobile"}],
                     "street_addresses": [{"kind": "work", "street": "1 Main St", "city": "Springfield"}]}
                    """.formatted(email, listId)));
            assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
            contactId = contact.json().get("contact_id").asString();

            Api.Response signUp = api.post("/v3/contacts/sign_up_form", Api.json("""
                    {"email_address": "%s", "first_name": "Sam", "list_memberships": ["%s"]}
                    """.formatted(signUpEmail, listId)));
            assertThat(signUp.status()).as(signUp.toString()).isEqualTo(201);
            signedUpId = signUp.json().get("contact_id").asString();

            deletedListId = createList(api, "Old");
            Api.Response deleted = api.delete("/v3/contact_lists/" + deletedListId);
            assertThat(deleted.status()).as(deleted.toString()).isEqualTo(202);
            activityId = deleted.json().get("activity_id").asString();
            assertThat(api.get("/v3/activities/" + activityId).status()).isEqualTo(200);
        }

        /** Everything A can see, as the API shows it. */
        String state() {
            List<String> parts = new ArrayList<>();
            for (String path : List.of(
                    "/v3/contacts?status=all&include_count=true&include=list_memberships,phone_numbers,street_addresses,notes",
                    "/v3/contacts/" + contactId + "?include=list_memberships,phone_numbers,street_addresses,notes",
                    "/v3/contacts/" + signedUpId + "?include=list_memberships,phone_numbers,street_addresses,notes",
                    "/v3/contacts/" + contactId + "/consent_history",
                    "/v3/contacts/" + signedUpId + "/consent_history",
                    "/v3/contact_lists?status=all&include_count=true&include_membership_count=all",
                    "/v3/contact_lists/" + listId + "?include_membership_count=all",
                    "/v3/contact_lists/" + deletedListId,
                    "/v3/activities/" + activityId,
                    "/v3/contacts/counts?include=new_subscriber")) {
                Api.Response r = api.get(path);
                assertThat(r.status()).as(path + " -> " + r).isEqualTo(200);
                parts.add(path + " -> " + r.raw() + " " + r.header("ETag").orElse(""));
            }
            return String.join("\n", parts);
        }

        /** What A had at the start, checked field by field, so a failure says what changed. */
        void assertIntact(String before) {
            JsonNode contact = api.get("/v3/contacts/" + contactId + "?include=list_memberships,phone_numbers")
                    .json();
            assertThat(contact.has("deleted_at")).isFalse();
            assertThat(contact.get("first_name").asString()).isEqualTo("Alice");
            assertThat(contact.get("email_address").get("address").asString()).isEqualTo(email);
            assertThat(contact.get("email_address").get("permission_to_send").asString())
                    .isEqualTo("explicit");
            assertThat(contact.get("list_memberships").toString()).contains(listId);
            assertThat(contact.get("phone_numbers").toString()).contains("+1 555 0100");
            JsonNode list = api.get("/v3/contact_lists/" + listId + "?include_membership_count=all")
                    .json();
            assertThat(list.get("name").asString()).isEqualTo("Customers");
            assertThat(list.get("membership_count").asInt()).isEqualTo(2);
            assertThat(ids(api.get("/v3/contacts?email=" + encode(signUpEmail))))
                    .containsExactly(signedUpId);
            assertThat(state()).isEqualTo(before);
        }
    }

    protected static void assertNotFound(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.json().isArray()).as(response.toString()).isTrue();
        assertThat(response.error().path("error_key").asString(""))
                .as(response.toString())
                .isEqualTo(NOT_FOUND);
        assertThat(response.error().path("error_message").asString(""))
                .as(response.toString())
                .isNotBlank();
    }

    protected static int contactsCount(Api api) {
        Api.Response listing = api.get("/v3/contacts?status=all&include_count=true");
        assertThat(listing.status()).as(listing.toString()).isEqualTo(200);
        return listing.json().get("contacts_count").asInt();
    }

    protected static List<String> ids(Api.Response listing) {
        assertThat(listing.status()).as(listing.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        listing.json().get("contacts").forEach(c -> ids.add(c.get("contact_id").asString()));
        return ids;
    }

    protected static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
