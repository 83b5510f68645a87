package io.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * No request crosses accounts (DESIGN.md sections 1 and 5): another account's ids are 404 on every
 * endpoint that takes one, its lists cannot be attached, and nothing B tries changes A. Listings and
 * addresses: ListingsAndAddressesArePerAccountIntegrationTest. The tokens that decide who the caller
 * is: AccountTokensIntegrationTest.
 */
class TenantIsolationIntegrationTest extends TenantIsolationSupport {

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
}
