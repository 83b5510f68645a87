package io.audience.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The trap this service exists to remove: a deleted contact that is hidden yet "not unique". */
class DeletedContactLifecycleIntegrationTest extends IntegrationTest {

    @Test
    void deletedContactIsFoundExplainsTheConflictAndCanBeRevived() {
        Api api = newAccount();
        String list = createList(api, "Newsletter");
        String email = uniqueEmail("jane");
        Api.Response created = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "explicit"},
                 "first_name": "Jane", "create_source": "Account", "list_memberships": ["%s"]}
                """.formatted(email, list)));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("contact_id").asString();

        assertThat(api.delete("/v3/contacts/" + id).status()).isEqualTo(204);

        Api.Response defaultListing = api.get("/v3/contacts");
        assertThat(defaultListing.json().get("contacts")).isEmpty();

        Api.Response lookup = api.get("/v3/contacts?email=" + email.toUpperCase(Locale.ROOT));
        assertThat(lookup.status()).isEqualTo(200);
        JsonNode found = lookup.json().get("contacts").get(0);
        assertThat(found.get("contact_id").asString()).isEqualTo(id);
        assertThat(found.get("deleted_at").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(found.get("email_address").get("permission_to_send").asString())
                .isEqualTo("explicit");

        Api.Response conflict = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account"}
                """.formatted(email)));
        assertThat(conflict.status()).isEqualTo(409);
        JsonNode error = conflict.error();
        assertThat(error.get("error_key").asString()).isEqualTo("contacts.api.conflict");
        assertThat(error.get("error_message").asString())
                .contains(id)
                .contains("status deleted")
                .contains("deleted_at")
                .contains("PUT /v3/contacts/" + id);
        assertThat(error.get("contact_id").asString()).isEqualTo(id);
        assertThat(error.get("status").asString()).isEqualTo("deleted");
        assertThat(error.get("deleted_at").asString()).isNotBlank();

        Api.Response revived = api.put("/v3/contacts/" + id, Api.json("""
                {"email_address": {"address": "%s"}, "first_name": "Jane", "update_source": "Account",
                 "list_memberships": ["%s"]}
                """.formatted(email, list)));
        assertThat(revived.status()).as(revived.toString()).isEqualTo(200);
        assertThat(revived.json().has("deleted_at")).isFalse();
        assertThat(revived.json().get("email_address").get("permission_to_send").asString())
                .isEqualTo("explicit");
        assertThat(api.get("/v3/contacts").json().get("contacts")).hasSize(1);
    }

    @Test
    void deleteStripsListMembershipsAndKeepsConsent() {
        Api api = newAccount();
        String list = createList(api, "Offers");
        String email = uniqueEmail("kept");
        String id = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"},
                 "create_source": "Account", "list_memberships": ["%s"]}
                """.formatted(email, list)))
                .json()
                .get("contact_id")
                .asString();

        api.delete("/v3/contacts/" + id);

        JsonNode contact =
                api.get("/v3/contacts/" + id + "?include=list_memberships").json();
        assertThat(contact.get("list_memberships")).isEmpty();
        assertThat(contact.get("email_address").get("permission_to_send").asString())
                .isEqualTo("unsubscribed");
        assertThat(contact.get("email_address").get("opt_out_source").asString())
                .isEqualTo("Account");
        assertThat(api.get("/v3/contact_lists/" + list + "?include_membership_count=all")
                        .json()
                        .get("membership_count")
                        .asInt())
                .isZero();
    }

    @Test
    void signUpFormRevivesADeletedContactAndMergesLists() {
        Api api = newAccount();
        String first = createList(api, "First");
        String second = createList(api, "Second");
        String email = uniqueEmail("form");
        Api.Response created = api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "first_name": "Form", "list_memberships": ["%s"]}
                """.formatted(email, first)));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("action").asString()).isEqualTo("created");
        String id = created.json().get("contact_id").asString();
        api.delete("/v3/contacts/" + id);

        Api.Response again = api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"]}
                """.formatted(email, second)));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("contact_id").asString()).isEqualTo(id);
        assertThat(again.json().get("action").asString()).isEqualTo("updated");
        JsonNode contact =
                api.get("/v3/contacts/" + id + "?include=list_memberships").json();
        assertThat(contact.has("deleted_at")).isFalse();
        assertThat(contact.get("first_name").asString()).isEqualTo("Form");
        assertThat(contact.get("list_memberships").toString()).contains(second);
        assertThat(contact.get("email_address").get("permission_to_send").asString())
                .isEqualTo("explicit");
        assertThat(contact.get("email_address").get("opt_in_source").asString()).isEqualTo("Contact");
    }
}
