package io.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Finished work expires on schedule: replay answers, rows of ended activities, sent mail; what is fresh stays. */
@TestPropertySource(properties = "audience.retention.interval=300ms")
class RetentionIntegrationTest extends IntegrationTest {

    @Test
    void answersRowsAndMailPastTheirRetentionAreDeletedAndFreshOnesKept() throws Exception {
        Api api = newAccount();
        String oldKey = "old-" + UUID.randomUUID();
        String freshKey = "fresh-" + UUID.randomUUID();
        assertThat(api.post(
                                "/v3/contacts",
                                Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account"}""".formatted(uniqueEmail("kept-answer"))),
                                "Idempotency-Key",
                                oldKey)
                        .status())
                .isEqualTo(201);
        assertThat(api.post(
                                "/v3/contacts",
                                Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account"}""".formatted(uniqueEmail("fresh-answer"))),
                                "Idempotency-Key",
                                freshKey)
                        .status())
                .isEqualTo(201);
        db.execute(
                "update idempotency_key set created_at = now() - interval '25 hours' where idempotency_key = ?",
                oldKey);

        String list = createList(api, "Retention");
        String old = awaitCompleted(api, api.post("/v3/activities/contacts_json_import", Api.json("""
                {"import_data": [{"email": "%s"}], "list_ids": ["%s"]}""".formatted(
                                uniqueEmail("old-import"), list))))
                .get("activity_id")
                .asString();
        String fresh = awaitCompleted(api, api.post("/v3/activities/contacts_json_import", Api.json("""
                {"import_data": [{"email": "%s"}], "list_ids": ["%s"]}""".formatted(
                                uniqueEmail("fresh-import"), list))))
                .get("activity_id")
                .asString();
        db.execute("update activity set updated_at = now() - interval '31 days' where activity_id = ?::uuid", old);

        String address = uniqueEmail("old-mail");
        String id = createContact(api, address).get("contact_id").asString();
        assertThat(api.put("/v3/contacts/" + id, Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"}, "update_source": "Contact"}
                """.formatted(address)))
                        .status())
                .isEqualTo(200);
        assertThat(api.put("/v3/contacts/resubscribe/" + id, Api.json("{\"list_ids\": [\"" + list + "\"]}"))
                        .status())
                .isEqualTo(200);
        await(
                "the mail is sent",
                () -> count("select count(*) from outbox_mail m join contact c using (account_id,"
                                + " email_key) where c.contact_id = '" + id + "' and m.status = 'sent'")
                        == 1);
        db.execute(
                "update outbox_mail set sent_at = now() - interval '31 days' where email_key = (select email_key"
                        + " from contact where contact_id = ?::uuid)",
                id);

        await(
                "the old answer is deleted",
                () -> count("select count(*) from idempotency_key where idempotency_key = '" + oldKey + "'") == 0);
        await(
                "the old activity's rows are deleted",
                () -> count("select count(*) from activity_item where activity_id" + " = '" + old + "'") == 0);
        await(
                "the old mail is deleted",
                () -> count("select count(*) from outbox_mail where email_key = (select"
                                + " email_key from contact where contact_id = '" + id + "')")
                        == 0);
        assertThat(count("select count(*) from idempotency_key where idempotency_key = '" + freshKey + "'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from activity_item where activity_id = '" + fresh + "'"))
                .isEqualTo(1);
        assertThat(api.get("/v3/activities/" + old).json().get("state").asString())
                .as("the activity stays")
                .isEqualTo("completed");
    }

    @Test
    void confirmationCountersOfPastDaysAndExpiredGrantsAreDeletedOnTheSameSchedule() throws Exception {
        Api.Response created =
                admin().post("/admin/accounts", Api.object().put("name", "Retention " + UUID.randomUUID()));
        String account = created.json().get("account_id").asString();
        db.execute(
                "insert into confirmation_throttle (account_id, fingerprint, last_sent_at, sent_on, day_count)"
                        + " select account_id, 'old-' || md5(random()::text), now() - interval '2 days', current_date - 2, 1"
                        + " from account where account_id = ?::uuid",
                account);
        db.execute(
                "insert into confirmation_account_day (account_id, sent_on, sent)"
                        + " select account_id, current_date - 2, 1 from account where account_id = ?::uuid",
                account);
        db.execute(
                "insert into confirmation_account_day (account_id, sent_on, sent)"
                        + " select account_id, current_date, 1 from account where account_id = ?::uuid",
                account);
        String grant = "retention-" + UUID.randomUUID();
        db.execute(
                "insert into oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type,"
                        + " access_token_expires_at, refresh_token_expires_at) values (?, 'retention-test', 'nobody',"
                        + " 'authorization_code', now() - interval '3 days', now() - interval '2 days')",
                grant);
        String ofAccount = " where account_id = '" + account + "'";

        await(
                "the old per-address counter is deleted",
                () -> count("select count(*) from confirmation_throttle" + ofAccount) == 0);
        await(
                "the old account counter is deleted",
                () -> count("select count(*) from confirmation_account_day" + ofAccount + " and sent_on < current_date")
                        == 0);
        await(
                "the expired grant is deleted",
                () -> count("select count(*) from oauth2_authorization where id = '" + grant + "'") == 0);
        assertThat(count("select count(*) from confirmation_account_day" + ofAccount + " and sent_on = current_date"))
                .as("today's counter stays")
                .isEqualTo(1);
    }

    @Test
    void completedWebhookDeliveriesPastTheLogsRetentionGoWithTheirEventsAndPendingOnesStay() throws Exception {
        Api.Response created =
                admin().post("/admin/accounts", Api.object().put("name", "Hook retention " + UUID.randomUUID()));
        String account = created.json().get("account_id").asString();
        db.execute(
                "insert into webhook (account_id, webhook_id, url, events, enabled, secret_sealed, created_at,"
                        + " updated_at) values (?::uuid, gen_random_uuid(), 'https://example.com/h', '{*}', false,"
                        + " 'v1.x.y', now(), now())",
                account);
        for (String status : new String[] {"succeeded", "failed", "pending"}) {
            String event = UUID.randomUUID().toString();
            db.execute(
                    "insert into webhook_event (account_id, event_id, type, ordering_key, occurred_at, payload)"
                            + " values (?::uuid, ?::uuid, 'contact.created', 'k', now() - interval '40 days', '{}')",
                    account,
                    event);
            db.execute(
                    "insert into webhook_delivery (account_id, delivery_id, webhook_id, event_id, ordering_key,"
                            + " status, next_attempt_at, created_at, completed_at) select ?::uuid, gen_random_uuid(),"
                            + " webhook_id, ?::uuid, 'k', ?, now(), now() - interval '40 days',"
                            + " case when ? = 'pending' then null else now() - interval '31 days' end"
                            + " from webhook where account_id = ?::uuid",
                    account,
                    event,
                    status,
                    status,
                    account);
        }
        String ofAccount = " where account_id = '" + account + "'";

        await(
                "the completed deliveries and their events are deleted",
                () -> count("select count(*) from webhook_delivery" + ofAccount) == 1
                        && count("select count(*) from webhook_event" + ofAccount) == 1);
        assertThat(count("select count(*) from webhook_delivery" + ofAccount + " and status = 'pending'"))
                .as("a pending delivery and its event stay")
                .isEqualTo(1);
    }

    private long count(String sql) {
        return ((Number) db.fetchValue(sql)).longValue();
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
