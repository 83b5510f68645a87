package io.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * No request crosses accounts (DESIGN.md sections 1 and 5): another account's ids are 404 on every
 * endpoint that takes one, its lists cannot be attached, its data never shows in listings, and
 * nothing B tries changes A. The tokens that decide who the caller is: AccountTokensIntegrationTest.
 */
class TenantIsolationIntegrationTest extends IntegrationTest {

    private static final String NOT_FOUND = "contacts.api.not_found";

    /** Account A's data: a list, a contact on it with a phone, a signed-up person, a deleted list's activity. */
    private final class TenantA {

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

    @Test
    void accountSettingsBelongToTheirAccount() {
        Api a = newAccount();
        Api b = newAccount();
        confirmSender(a, "a@shop.example");
        assertThat(a.put("/v3/account/settings", Api.json("""
                {"confirmed_opt_in": true, "from_email": "a@shop.example", "from_name": "Shop A"}
                """)).status()).isEqualTo(200);

        JsonNode seenByB = b.get("/v3/account/settings").json();
        assertThat(seenByB.get("confirmed_opt_in").asBoolean()).isFalse();
        assertThat(seenByB.has("from_email")).isFalse();
        assertThat(a.get("/v3/account/settings").json().get("from_email").asString())
                .isEqualTo("a@shop.example");
    }

    @Test
    void anotherAccountsContactsAreNotFoundOnEveryContactEndpoint() {
        TenantA a = new TenantA();
        Api b = newAccount();
        String before = a.state();

        for (String id : List.of(a.contactId, a.signedUpId)) {
            assertNotFound(b.get("/v3/contacts/" + id));
            assertNotFound(b.get("/v3/contacts/" + id + "?include=list_memberships,phone_numbers"));
            assertNotFound(b.get("/v3/contacts/" + id + "/consent_history"));
            assertNotFound(b.put("/v3/contacts/" + id, Api.json("""
                    {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"}, "first_name": "Mallory",
                     "update_source": "Account", "list_memberships": []}
                    """.formatted(a.email))));
            assertNotFound(b.put("/v3/contacts/" + id, Api.json("""
                    {"first_name": "Mallory", "update_source": "Contact"}
                    """)));
            assertNotFound(b.delete("/v3/contacts/" + id));
            assertNotFound(b.post("/v3/contacts/" + id + "/erase", ""));
            assertNotFound(b.put("/v3/contacts/resubscribe/" + id, Api.json("{\"list_ids\": [\"" + a.listId + "\"]}")));
        }

        a.assertIntact(before);
        assertThat(contactsCount(b)).isZero();
    }

    @Test
    void anotherAccountsListsAndActivitiesAreNotFound() {
        TenantA a = new TenantA();
        Api b = newAccount();
        String before = a.state();

        for (String id : List.of(a.listId, a.deletedListId)) {
            assertNotFound(b.get("/v3/contact_lists/" + id));
            assertNotFound(b.get("/v3/contact_lists/" + id + "?include_membership_count=all"));
            assertNotFound(b.put("/v3/contact_lists/" + id, Api.object().put("name", "Hijacked")));
            assertNotFound(b.delete("/v3/contact_lists/" + id));
        }
        assertNotFound(b.get("/v3/activities/" + a.activityId));

        a.assertIntact(before);
        Api.Response bLists = b.get("/v3/contact_lists?status=all&include_count=true");
        assertThat(bLists.json().get("lists")).isEmpty();
    }

    @Test
    void anotherAccountsListCannotBeAttached() {
        TenantA a = new TenantA();
        Api b = newAccount();
        String ownList = createList(b, "Own");
        JsonNode own = createContact(b, uniqueEmail("bob"));
        String ownId = own.get("contact_id").asString();
        String bBefore =
                b.get("/v3/contacts/" + ownId + "?include=list_memberships").raw();
        String before = a.state();

        assertNotFound(b.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account", "list_memberships": ["%s"]}
                """.formatted(uniqueEmail("new"), a.listId))));
        assertNotFound(b.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account", "list_memberships": ["%s", "%s"]}
                """.formatted(uniqueEmail("new"), ownList, a.listId))));
        assertNotFound(b.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"]}
                """.formatted(uniqueEmail("form"), a.listId))));
        assertNotFound(
                b.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s", "%s"]}
                """.formatted(uniqueEmail("form"), ownList, a.listId))));
        assertNotFound(b.put("/v3/contacts/" + ownId, Api.json("""
                {"first_name": "Bob", "update_source": "Account", "list_memberships": ["%s"]}
                """.formatted(a.listId))));
        assertNotFound(b.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"]}
                """.formatted(
                        own.get("email_address").get("address").asString(), a.listId))));
        assertNotFound(b.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account", "list_memberships": ["%s"]}
                """.formatted(a.email, a.listId))));

        a.assertIntact(before);
        assertThat(contactsCount(b)).isEqualTo(1);
        assertThat(b.get("/v3/contacts/" + ownId + "?include=list_memberships").raw())
                .isEqualTo(bBefore);
        assertThat(b.get("/v3/contact_lists/" + ownList + "?include_membership_count=all")
                        .json()
                        .get("membership_count")
                        .asInt())
                .isZero();
    }

    // ---------------------------------------------------------------- listings

    @Test
    void anotherAccountsDataNeverShowsInListings() {
        TenantA a = new TenantA();
        Api b = newAccount();

        Api.Response contacts = b.get("/v3/contacts?status=all&include_count=true&limit=500");
        assertThat(contacts.status()).isEqualTo(200);
        assertThat(contacts.json().get("contacts")).isEmpty();
        assertThat(contacts.json().get("contacts_count").asInt()).isZero();
        for (String status :
                List.of("active", "deleted", "explicit", "implicit", "unsubscribed", "pending_confirmation")) {
            assertThat(b.get("/v3/contacts?status=" + status).json().get("contacts"))
                    .as(status)
                    .isEmpty();
        }
        assertThat(ids(b.get("/v3/contacts?email=" + encode(a.email)))).isEmpty();
        assertThat(ids(b.get("/v3/contacts?email=" + encode(a.email) + "&status=all")))
                .isEmpty();
        assertThat(ids(b.get("/v3/contacts?email=" + encode(a.signUpEmail)))).isEmpty();
        Api.Response byList = b.get("/v3/contacts?status=all&lists=" + a.listId);
        assertThat(byList.status()).as(byList.toString()).isIn(200, 404);
        if (byList.status() == 200) {
            assertThat(byList.json().get("contacts")).isEmpty();
        }

        Api.Response lists = b.get("/v3/contact_lists?status=all&include_count=true&include_membership_count=all");
        assertThat(lists.status()).isEqualTo(200);
        assertThat(lists.json().get("lists")).isEmpty();
        assertThat(lists.json().get("lists_count").asInt()).isZero();
        assertThat(b.get("/v3/contact_lists?name=Customers").json().get("lists"))
                .isEmpty();

        JsonNode counts = b.get("/v3/contacts/counts?include=new_subscriber").json();
        assertThat(counts.get("total").asInt()).isZero();
        assertThat(counts.get("explicit").asInt()).isZero();
        assertThat(counts.get("new_subscriber").asInt()).isZero();
        assertThat(b.get("/v3/contacts/counts").json().get("total").asInt()).isZero();

        String everything = String.join("\n", contacts.raw(), lists.raw(), counts.toString());
        assertThat(everything)
                .doesNotContain(a.contactId, a.signedUpId, a.listId, a.deletedListId, a.email, a.signUpEmail);
    }

    @Test
    void anAddressIsPerAccountSoAnotherAccountMayUseIt() {
        TenantA a = new TenantA();
        Api b = newAccount();
        String before = a.state();
        // a refused attempt first: it must leave no trace of the address in B
        assertNotFound(b.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account", "list_memberships": ["%s"]}
                """.formatted(a.email, a.listId))));

        Api.Response created =
                b.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "first_name": "Other Alice", "create_source": "Account"}
                """.formatted(a.email.toUpperCase(java.util.Locale.ROOT))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String bContact = created.json().get("contact_id").asString();
        assertThat(bContact).isNotEqualTo(a.contactId);
        JsonNode history =
                b.get("/v3/contacts/" + bContact + "/consent_history").json().get("events");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("contact_id").asString()).isEqualTo(bContact);

        String bList = createList(b, "Customers");
        Api.Response signedUp = b.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"]}
                """.formatted(a.signUpEmail, bList)));
        assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(201);
        assertThat(signedUp.json().get("action").asString()).isEqualTo("created");
        assertThat(signedUp.json().get("contact_id").asString()).isNotEqualTo(a.signedUpId);

        assertThat(ids(b.get("/v3/contacts?email=" + encode(a.email)))).containsExactly(bContact);
        assertThat(ids(a.api.get("/v3/contacts?email=" + encode(a.email)))).containsExactly(a.contactId);
        // B deleting and unsubscribing its contact changes nothing for A's contact with that address
        assertThat(b.put("/v3/contacts/" + bContact, Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"}, "update_source": "Contact"}
                """.formatted(a.email)))
                        .status())
                .isEqualTo(200);
        assertThat(b.delete("/v3/contacts/" + bContact).status()).isEqualTo(204);
        a.assertIntact(before);
    }

    // ---------------------------------------------------------------- helpers

    private static void assertNotFound(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.json().isArray()).as(response.toString()).isTrue();
        assertThat(response.error().path("error_key").asString(""))
                .as(response.toString())
                .isEqualTo(NOT_FOUND);
        assertThat(response.error().path("error_message").asString(""))
                .as(response.toString())
                .isNotBlank();
    }

    private static int contactsCount(Api api) {
        Api.Response listing = api.get("/v3/contacts?status=all&include_count=true");
        assertThat(listing.status()).as(listing.toString()).isEqualTo(200);
        return listing.json().get("contacts_count").asInt();
    }

    private static List<String> ids(Api.Response listing) {
        assertThat(listing.status()).as(listing.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        listing.json().get("contacts").forEach(c -> ids.add(c.get("contact_id").asString()));
        return ids;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
