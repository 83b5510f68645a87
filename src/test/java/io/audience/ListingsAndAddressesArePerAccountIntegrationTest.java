package io.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Listings, counts and lookups by address show only the caller's own data, and an address belongs to
 * each account apart, so another account may hold a contact with the same address.
 */
class ListingsAndAddressesArePerAccountIntegrationTest extends TenantIsolationSupport {

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
}
