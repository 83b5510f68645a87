package io.audience.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Erase leaves nothing of the person: every text and JSON column of every table is searched for
 * their addresses, current and earlier, after the erase; only the opt-out's fingerprint stays, with
 * its real source.
 */
class EraseEverywhereIntegrationTest extends IntegrationTest {

    @Test
    void afterEraseNoColumnOfAnyTableHoldsTheAddressAndOnlyTheOptOutRemains() {
        Api api = newAccount();
        String list = createList(api, "Erase");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String first = "erase-first-" + tag + "@example.com";
        String second = "erase-second-" + tag + "@example.org";

        Api.Response created =
                api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "explicit"}, "first_name": "Erin",
                 "create_source": "Account", "list_memberships": ["%s"],
                 "phone_numbers": [{"phone_number": "+1 555 0199", "kind": "mobile"}]}""".formatted(first, list)), "Idempotency-Key", "erase-" + tag);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("contact_id").asString();
        awaitCompleted(api, api.post("/v3/activities/contacts_json_import", Api.json("""
                {"import_data": [{"email": "%s", "last_name": "Imported"}], "list_ids": ["%s"]}
                """.formatted(first, list))));
        assertThat(api.put("/v3/contacts/" + id, Api.json("""
                {"email_address": {"address": "%s"}, "update_source": "Account", "list_memberships": ["%s"]}
                """.formatted(second, list)))
                        .status())
                .as("moved to a second address")
                .isEqualTo(200);
        assertThat(api.put("/v3/contacts/" + id, Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"}, "update_source": "Contact"}
                """.formatted(second)))
                        .status())
                .as("the person opts out")
                .isEqualTo(200);
        assertThat(api.put("/v3/contacts/resubscribe/" + id, Api.json("{\"list_ids\": [\"" + list + "\"]}"))
                        .status())
                .as("a confirmation mail is queued")
                .isEqualTo(200);
        awaitCompleted(api, api.post("/v3/activities/contacts_json_import", Api.json("""
                {"import_data": [{"email": "%s", "first_name": "Erin"}], "list_ids": ["%s"]}""".formatted(second, list))));
        assertThat(occurrences(tag))
                .as("the address is stored in many places before")
                .hasSizeGreaterThan(5);

        assertThat(api.post("/v3/contacts/" + id + "/erase", Api.object()).status())
                .isEqualTo(204);

        assertThat(occurrences(tag)).as("columns that still hold the address").isEmpty();
        assertThat(api.get("/v3/contacts/" + id).status()).isEqualTo(404);
        JsonNode back =
                api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account"}""".formatted(second))).json();
        assertThat(back.get("email_address").get("permission_to_send").asString())
                .as("the opt-out is remembered")
                .isEqualTo("unsubscribed");
        assertThat(back.get("email_address").get("opt_out_source").asString()).isEqualTo("Contact");
    }

    @Test
    void anAccountsOwnOptOutStaysTheAccountsAfterErase() {
        Api api = newAccount();
        String address = uniqueEmail("erase-account-optout");
        String id = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"}, "create_source": "Account"}
                """.formatted(address)))
                .json()
                .get("contact_id")
                .asString();
        assertThat(api.post("/v3/contacts/" + id + "/erase", Api.object()).status())
                .isEqualTo(204);

        JsonNode back =
                api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account"}""".formatted(address))).json();
        assertThat(back.get("email_address").get("permission_to_send").asString())
                .isEqualTo("unsubscribed");
        assertThat(back.get("email_address").get("opt_out_source").asString()).isEqualTo("Account");
        Api.Response optIn =
                api.put("/v3/contacts/" + back.get("contact_id").asString(), Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "explicit"}, "update_source": "Account"}
                """.formatted(address)));
        assertThat(optIn.status())
                .as("an account may undo its own opt-out: " + optIn)
                .isEqualTo(200);
    }

    /** {@code table.column} of every text or JSON column, in every table, that holds {@code needle}. */
    private List<String> occurrences(String needle) {
        List<String> found = new ArrayList<>();
        for (org.jooq.Record column : db.fetch("""
                select table_name::text, column_name::text from information_schema.columns
                 where table_schema = 'public' and data_type in ('text', 'character varying', 'json', 'jsonb')
                 order by table_name, column_name""")) {
            String table = column.get(0, String.class);
            String name = column.get(1, String.class);
            Number rows = (Number) db.fetchValue(
                    "select count(*) from \"" + table + "\" where \"" + name + "\"::text ilike ?", "%" + needle + "%");
            if (rows.intValue() > 0) {
                found.add(table + "." + name + " (" + rows + ")");
            }
        }
        return found;
    }
}
