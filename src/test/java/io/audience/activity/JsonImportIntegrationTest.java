package io.audience.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JsonImportIntegrationTest extends IntegrationTest {

    @Test
    void importIsConsentSafeAndEndsEveryRowCountedWithItsReason() {
        Api api = newAccount();
        String list = createList(api, "Imported");
        String existing = uniqueEmail("existing");
        String explicitId = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "explicit"}, "first_name": "Old",
                 "create_source": "Account"}
                """.formatted(existing)))
                .json()
                .get("contact_id")
                .asString();
        String deleted = uniqueEmail("deleted");
        String deletedId = createContact(api, deleted).get("contact_id").asString();
        api.delete("/v3/contacts/" + deletedId);
        String optedOut = uniqueEmail("optedout");
        String optedOutId = createContact(api, optedOut).get("contact_id").asString();
        api.put("/v3/contacts/" + optedOutId, Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"}, "update_source": "Contact"}
                """.formatted(optedOut)));
        api.delete("/v3/contacts/" + optedOutId);
        String erased = uniqueEmail("erased");
        String erasedId = createContact(api, erased).get("contact_id").asString();
        api.put("/v3/contacts/" + erasedId, Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"}, "update_source": "Contact"}
                """.formatted(erased)));
        api.post("/v3/contacts/" + erasedId + "/erase", "");
        String fresh = uniqueEmail("fresh");

        Api.Response accepted = api.post("/v3/activities/contacts_json_import", Api.json("""
                {"import_data": [
                   {"email": "%s", "first_name": "New"},
                   {"email": "%s", "first_name": "Updated"},
                   {"email": "%s"},
                   {"email": "%s", "first_name": "Ignored"},
                   {"email": "%s"},
                   {"email": "%s", "first_name": "Twice"},
                   {"email": "not an address"},
                   {"email": "%s", "birthday_month": 2, "birthday_day": 30}
                 ],
                 "list_ids": ["%s"]}
                """.formatted(
                fresh, existing, deleted, optedOut, erased, fresh.toUpperCase(Locale.ROOT), uniqueEmail("bad"), list)));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        assertThat(accepted.json().get("status").get("items_total_count").asInt())
                .isEqualTo(8);
        String activity = accepted.json().get("activity_id").asString();

        JsonNode done = awaitState(api, activity, "completed");
        JsonNode status = done.get("status");
        assertThat(status.get("items_completed_count").asInt()).isEqualTo(8);
        assertThat(status.get("person_count").asInt()).as("created or updated").isEqualTo(4);
        assertThat(status.get("error_count").asInt()).isEqualTo(2);
        assertThat(status.get("correctable_count").asInt()).isEqualTo(2);
        assertThat(status.get("cannot_add_to_list_count").asInt()).isEqualTo(2);
        assertThat(status.get("list_count").asInt()).isEqualTo(1);
        assertThat(done.get("percent_done").asInt()).isEqualTo(100);

        Map<Integer, JsonNode> rows = new HashMap<>();
        api.get("/v3/activities/" + activity + "/report")
                .json()
                .get("rows")
                .forEach(r -> rows.put(r.get("number").asInt(), r));
        assertThat(rows.get(1).get("outcome").asString()).isEqualTo("created");
        assertThat(rows.get(2).get("outcome").asString()).isEqualTo("updated");
        assertThat(rows.get(3).get("outcome").asString()).isEqualTo("updated");
        assertThat(rows.get(4).get("outcome").asString()).isEqualTo("skipped");
        assertThat(rows.get(4).get("reason").asString()).contains("opted out");
        assertThat(rows.get(5).get("outcome").asString()).isEqualTo("created");
        assertThat(rows.get(5).get("reason").asString()).contains("erased");
        assertThat(rows.get(6).get("outcome").asString()).isEqualTo("skipped");
        assertThat(rows.get(6).get("reason").asString()).contains("duplicate of row 1");
        assertThat(rows.get(7).get("outcome").asString()).isEqualTo("failed");
        assertThat(rows.get(8).get("reason").asString()).contains("birthday");

        JsonNode kept = api.get("/v3/contacts/" + explicitId + "?include=list_memberships")
                .json();
        assertThat(kept.get("first_name").asString()).isEqualTo("Updated");
        assertThat(kept.get("email_address").get("permission_to_send").asString())
                .isEqualTo("explicit");
        assertThat(kept.get("list_memberships").get(0).asString()).isEqualTo(list);
        assertThat(api.get("/v3/contacts/" + deletedId).json().has("deleted_at"))
                .as("revived")
                .isFalse();
        JsonNode stillOut = api.get("/v3/contacts/" + optedOutId + "?include=list_memberships")
                .json();
        assertThat(stillOut.get("deleted_at")).as("not revived").isNotNull();
        assertThat(stillOut.get("list_memberships")).isEmpty();
        assertThat(stillOut.has("first_name")).as("the row was not applied").isFalse();
        JsonNode recreated = api.get("/v3/contacts?email=" + erased + "&include=list_memberships")
                .json()
                .get("contacts")
                .get(0);
        assertThat(recreated.get("email_address").get("permission_to_send").asString())
                .isEqualTo("unsubscribed");
        assertThat(recreated.get("list_memberships")).isEmpty();
        JsonNode created =
                api.get("/v3/contacts?email=" + fresh).json().get("contacts").get(0);
        assertThat(created.get("email_address").get("permission_to_send").asString())
                .isEqualTo("implicit");
        assertThat(created.get("first_name").asString()).isEqualTo("New");
        JsonNode history = api.get("/v3/contacts/" + created.get("contact_id").asString() + "/consent_history")
                .json()
                .get("events")
                .get(0);
        assertThat(history.get("channel").asString()).isEqualTo("import");
        assertThat(history.get("evidence").asString()).contains(activity);
    }

    @Test
    void progressMovesWhileALargeImportRuns() {
        Api api = newAccount();
        String list = createList(api, "Large");
        StringBuilder rows = new StringBuilder();
        int total = 20_000;
        int repeated = 100;
        for (int i = 0; i < total; i++) {
            // The last rows repeat the first ones, ten chunks apart: skipped whichever lane gets them.
            int address = i < total - repeated ? i : i - (total - repeated);
            rows.append(i == 0 ? "" : ",")
                    .append("{\"email\": \"bulk")
                    .append(address)
                    .append("@large.example\"}");
        }
        String activity = api.post(
                        "/v3/activities/contacts_json_import",
                        "{\"list_ids\": [\"" + list + "\"], \"import_data\": [" + rows + "]}")
                .json()
                .get("activity_id")
                .asString();

        boolean sawProgress = false;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        JsonNode status;
        do {
            status = api.get("/v3/activities/" + activity).json();
            int completed = status.get("status").get("items_completed_count").asInt();
            sawProgress |= completed > 0
                    && completed < total
                    && status.get("percent_done").asInt() < 100;
            assertThat(Instant.now()).isBefore(deadline);
        } while (!status.get("state").asString().equals("completed"));

        assertThat(sawProgress).as("counters moved while it ran").isTrue();
        assertThat(status.get("status").get("items_completed_count").asInt()).isEqualTo(total);
        assertThat(status.get("status").get("person_count").asInt()).isEqualTo(total - repeated);
        assertThat(status.get("status").get("error_count").asInt()).isZero();
        assertThat(api.get("/v3/contact_lists/" + list + "?include_membership_count=all")
                        .json()
                        .get("membership_count")
                        .asInt())
                .isEqualTo(total - repeated);
        JsonNode last = api.get("/v3/activities/" + activity + "/report")
                .json()
                .get("rows")
                .get(total - 1);
        assertThat(last.get("outcome").asString()).isEqualTo("skipped");
        assertThat(last.get("reason").asString()).isEqualTo("duplicate of row " + repeated + " in this import");
        assertThat(api.get("/v3/activities?state=completed")
                        .json()
                        .get("activities")
                        .toString())
                .contains(activity);
    }

    @Test
    void aRefusedImportCreatesNoActivityAndWritesNothing() {
        Api api = newAccount();
        String list = createList(api, "Refused");
        assertThat(api.post("/v3/activities/contacts_json_import", Api.json("""
                {"import_data": [{"email": "a@example.com"}], "list_ids": ["%s"]}
                """.formatted(java.util.UUID.randomUUID())))
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/v3/activities/contacts_json_import", "{\"import_data\": [")
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/v3/activities/contacts_json_import", Api.json("""
                {"import_data": [], "list_ids": ["%s"]}
                """.formatted(list)))
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/v3/activities/contacts_json_import", Api.json("""
                {"import_data": [{"email": "a@example.com"}], "list_ids": []}
                """))
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/v3/activities").json().get("activities")).isEmpty();
        assertThat(api.get("/v3/contacts?status=all").json().get("contacts")).isEmpty();
    }

    @Test
    void anotherAccountsActivitiesAreNotFound() {
        Api a = newAccount();
        String activity = a.post("/v3/activities/contacts_json_import", Api.json("""
                {"import_data": [{"email": "%s"}], "list_ids": ["%s"]}
                """.formatted(
                                uniqueEmail("a"), createList(a, "A"))))
                .json()
                .get("activity_id")
                .asString();
        Api b = newAccount();
        assertThat(b.get("/v3/activities/" + activity).status()).isEqualTo(404);
        assertThat(b.get("/v3/activities/" + activity + "/report").status()).isEqualTo(404);
        assertThat(b.get("/v3/activities").json().get("activities")).isEmpty();
        assertThat(b.get("/v3/activities?state=bogus").status()).isEqualTo(400);
    }

    private static JsonNode awaitState(Api api, String activity, String state) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            JsonNode body = api.get("/v3/activities/" + activity).json();
            if (body.get("state").asString().equals(state)) {
                return body;
            }
            assertThat(Instant.now()).as("activity " + body).isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
