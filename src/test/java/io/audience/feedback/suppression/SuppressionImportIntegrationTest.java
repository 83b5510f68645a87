package io.audience.feedback.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SuppressionImportIntegrationTest extends SuppressionImportTestBase {

    @Test
    void aSuppressionListOptsOutAndBouncesAddressesWithoutCreatingContactsOrTouchingOtherAccounts() {
        NamedAccount a = namedAccount("suppressions");
        NamedAccount b = namedAccount("other");
        String list = createList(a.api(), "Customers");
        String onList = uniqueEmail("onlist");
        String onListId = a.api()
                .post("/v3/contacts", Api.json("""
                        {"email_address": {"address": "%s", "permission_to_send": "explicit"},
                         "list_memberships": ["%s"], "create_source": "Account"}""".formatted(onList, list)))
                .json()
                .get("contact_id")
                .asString();
        createContact(b.api(), onList);
        String optedOut = uniqueEmail("optedout");
        String optedOutId = createContact(a.api(), optedOut).get("contact_id").asString();
        Api.Response optOut = a.api().put("/v3/contacts/" + optedOutId, Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"}, "update_source": "Contact"}
                """.formatted(optedOut)));
        assertThat(optOut.status()).as(optOut.toString()).isEqualTo(200);
        String bouncing = uniqueEmail("bouncing");
        createContact(a.api(), bouncing);
        String complaining = uniqueEmail("complaining");
        createContact(a.api(), complaining);
        String fresh = uniqueEmail("fresh");
        String freshBounce = uniqueEmail("freshbounce");

        String csv = "Email,Reason,Source,Occurred_At\r\n"
                + onList + ",unsubscribed,,2024-05-06T07:08:09Z\r\n"
                + optedOut + ",unsubscribed,Account,\r\n"
                + bouncing + ",bounced,,2024-05-06\r\n"
                + complaining + ",complained,,\r\n"
                + fresh + ",unsubscribed,Contact,2023-01-02T03:04:05+01:00\r\n"
                + freshBounce + ",bounced,,\r\n"
                + "not an address,unsubscribed,,\r\n"
                + uniqueEmail("bad") + ",spam,,\r\n"
                + fresh.toUpperCase(java.util.Locale.ROOT) + ",bounced,,\r\n";
        Api.Response accepted = upload(a.api(), csv);
        JsonNode done = awaitCompleted(a.api(), accepted);
        String activity = done.get("activity_id").asString();
        assertThat(db.fetchValue("select kind from activity where activity_id = ?::uuid", activity))
                .isEqualTo("suppressions_import");

        JsonNode status = done.get("status");
        assertThat(status.get("items_total_count").asInt()).isEqualTo(9);
        assertThat(status.get("items_completed_count").asInt()).isEqualTo(9);
        assertThat(status.get("person_count").asInt()).as("rows applied").isEqualTo(5);
        assertThat(status.get("error_count").asInt()).isEqualTo(2);
        Map<Integer, JsonNode> report = report(a.api(), activity);
        assertThat(outcome(report, 1)).isEqualTo("updated");
        assertThat(report.get(1).get("contact_id").asString()).isEqualTo(onListId);
        assertThat(outcome(report, 2)).isEqualTo("skipped");
        assertThat(report.get(2).get("reason").asString()).startsWith("already unsubscribed by the person");
        assertThat(outcome(report, 3)).isEqualTo("updated");
        assertThat(outcome(report, 4)).isEqualTo("updated");
        assertThat(outcome(report, 5)).isEqualTo("created");
        assertThat(report.get(5).get("reason").asString()).contains("no contact is created");
        assertThat(outcome(report, 6)).isEqualTo("created");
        assertThat(outcome(report, 7)).isEqualTo("failed");
        assertThat(report.get(7).get("reason").asString()).startsWith("row 7, column email:");
        assertThat(outcome(report, 8)).isEqualTo("failed");
        assertThat(report.get(8).get("reason").asString())
                .isEqualTo("row 8, column reason: must be unsubscribed, bounced or complained, not 'spam'");
        assertThat(outcome(report, 9)).isEqualTo("skipped");
        assertThat(report.get(9).get("reason").asString()).isEqualTo("duplicate of row 5 in this import");

        JsonNode listed = contact(a.api(), onList, "&include=list_memberships");
        assertThat(listed.get("email_address").get("permission_to_send").asString())
                .isEqualTo("unsubscribed");
        assertThat(listed.get("email_address").get("opt_out_source").asString()).isEqualTo("Account");
        assertThat(listed.get("list_memberships").toString())
                .as("the contact stays as it was")
                .contains(list);
        JsonNode kept = contact(a.api(), optedOut, "").get("email_address");
        assertThat(kept.get("opt_out_source").asString())
                .as("an account's opt-out never replaces the person's own")
                .isEqualTo("Contact");
        JsonNode bounced = contact(a.api(), bouncing, "").get("email_address");
        assertThat(bounced.get("delivery_status").asString()).isEqualTo("bounced");
        assertThat(bounced.get("permission_to_send").asString())
                .as("a bounce leaves consent alone")
                .isEqualTo("implicit");
        JsonNode complained = contact(a.api(), complaining, "").get("email_address");
        assertThat(complained.get("permission_to_send").asString()).isEqualTo("unsubscribed");
        assertThat(complained.get("opt_out_source").asString()).isEqualTo("Contact");

        for (String address : List.of(fresh, freshBounce)) {
            assertThat(a.api()
                            .get("/v3/contacts?status=all&email=" + address)
                            .json()
                            .get("contacts"))
                    .as("no contact for " + address)
                    .isEmpty();
        }
        Record freshState = consent(a.id(), fresh);
        assertThat(freshState.get("permission_to_send")).isEqualTo("unsubscribed");
        assertThat(freshState.get("opt_out_source")).isEqualTo("Contact");
        assertThat(freshState
                        .get("opt_out_date", java.time.OffsetDateTime.class)
                        .toInstant())
                .isEqualTo(java.time.Instant.parse("2023-01-02T02:04:05Z"));
        assertThat(freshState.get("delivery_status"))
                .as("the duplicate row was not applied")
                .isEqualTo("deliverable");
        Record freshBounced = consent(a.id(), freshBounce);
        assertThat(freshBounced.get("permission_to_send")).isEqualTo("not_set");
        assertThat(freshBounced.get("delivery_status")).isEqualTo("bounced");
        assertThat(freshBounced.get("bounce_reason")).isEqualTo("imported: bounced");

        assertThat(history(a.id(), onList))
                .contains("import|Account|suppression import " + activity
                        + ": unsubscribed (Account) at 2024-05-06T07:08:09Z");
        assertThat(history(a.id(), bouncing))
                .contains("bounce|Account|suppression import " + activity + ": bounced at 2024-05-06T00:00:00Z");
        assertThat(history(a.id(), complaining)).anyMatch(h -> h.startsWith("complaint|Contact|suppression import"));
        assertThat(history(a.id(), fresh))
                .containsExactly("import|Contact|suppression import " + activity
                        + ": unsubscribed (Contact) at 2023-01-02T02:04:05Z");
        assertThat(history(a.id(), optedOut)).noneMatch(h -> h.contains("suppression import"));
        assertThat(db.fetch(
                                "select kind, provider_event_id from feedback_event where account_id = ?::uuid"
                                        + " and source = 'import' order by provider_event_id",
                                a.id())
                        .map(r -> r.get(0) + " " + r.get(1)))
                .containsExactly(
                        "hard_bounce " + activity + ":3",
                        "complaint " + activity + ":4",
                        "hard_bounce " + activity + ":6");

        JsonNode other = contact(b.api(), onList, "").get("email_address");
        assertThat(other.get("permission_to_send").asString())
                .as("the same address in another account is untouched")
                .isEqualTo("implicit");
        assertThat(history(b.id(), onList)).noneMatch(h -> h.contains("suppression import"));
    }

    @Test
    void aHundredThousandRowsAreAppliedInChunksWithoutCreatingAContactOrMakingAnAddressSendable() {
        NamedAccount a = namedAccount("suppressions-bulk");
        int rows = 100_000;
        String run = UUID.randomUUID().toString().substring(0, 8);
        String[] reasons = {"unsubscribed", "bounced", "complained"};
        StringBuilder csv = new StringBuilder(rows * 40).append("email,reason\n");
        for (int i = 0; i < rows; i++) {
            csv.append("s")
                    .append(i)
                    .append('-')
                    .append(run)
                    .append("@bulk.example,")
                    .append(reasons[i % 3])
                    .append('\n');
        }
        int contactsBefore = contacts(a.id());
        long started = System.nanoTime();
        Api.Response accepted = upload(a.api(), csv.toString());
        long acceptedMillis = (System.nanoTime() - started) / 1_000_000;
        JsonNode done =
                awaitCompleted(a.api(), accepted.json().get("activity_id").asString(), Duration.ofMinutes(2));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("Suppression import of " + rows + " rows: " + millis + " ms from upload to completed ("
                + acceptedMillis + " ms to upload, check and stage)");

        JsonNode status = done.get("status");
        assertThat(status.get("items_total_count").asInt()).isEqualTo(rows);
        assertThat(status.get("items_completed_count").asInt()).isEqualTo(rows);
        assertThat(status.get("person_count").asInt()
                        + status.get("error_count").asInt())
                .isEqualTo(rows);
        assertThat(status.get("error_count").asInt()).isZero();
        assertThat(contacts(a.id())).isEqualTo(contactsBefore);
        assertThat(db.fetchValue(
                        "select count(*)::int from email_consent where account_id = ?::uuid"
                                + " and email_key like '%-' || ? || '@bulk.example'"
                                + " and permission_to_send in ('explicit', 'implicit')",
                        a.id(), run))
                .isEqualTo(0);
        assertThat(consent(a.id(), "s0-" + run + "@bulk.example").get("opt_out_source"))
                .isEqualTo("Account");
        assertThat(consent(a.id(), "s4-" + run + "@bulk.example").get("delivery_status"))
                .isEqualTo("bounced");
        assertThat(consent(a.id(), "s99998-" + run + "@bulk.example").get("opt_out_source"))
                .isEqualTo("Contact");
        assertThat(db.fetchValue(
                        "select count(*)::int from feedback_event where account_id = ?::uuid and source = 'import'",
                        a.id()))
                .isEqualTo(66_666);
    }

    private int contacts(String accountId) {
        return ((Number) db.fetchValue("select count(*) from contact where account_id = ?::uuid", accountId))
                .intValue();
    }

    private List<String> history(String accountId, String emailKey) {
        return db.fetch(
                        "select channel, source, evidence from consent_event where account_id = ?::uuid"
                                + " and email_key = ? order by event_id",
                        accountId,
                        emailKey)
                .map(r -> r.get(0) + "|" + r.get(1) + "|" + r.get(2));
    }

    private static JsonNode contact(Api api, String email, String include) {
        JsonNode contacts = api.get("/v3/contacts?status=all&email=" + email + include)
                .json()
                .get("contacts");
        assertThat(contacts).as("the contact of " + email).hasSize(1);
        return contacts.get(0);
    }
}
