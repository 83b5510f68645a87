package io.audience.mail;

import static io.audience.db.Tables.OUTBOX_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import io.audience.OtherInstance;
import io.audience.db.tables.records.OutboxMailRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Mail against an SMTP server that refuses, defers or says nothing: a 5xx ends the mail as failed
 * with its reply code, a 4xx or a silent server is retried, and SMTP is called outside any
 * transaction on its own executor, so a stuck send stalls neither imports nor housekeeping.
 */
class SmtpFailuresIntegrationTest extends IntegrationTest {

    private static final FakeSmtpServer SMTP = new FakeSmtpServer();

    @Autowired
    DataSource dataSource;

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Replaces the sender Spring Boot would make for the shared GreenMail server. */
    @TestConfiguration(proxyBeanMethods = false)
    static class MisbehavingSmtp {
        @Bean
        JavaMailSender misbehavingSmtp() {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(SMTP.port());
            return sender;
        }
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("audience.mail.read-timeout", () -> "10s");
        registry.add("audience.retention.interval", () -> "300ms");
    }

    @AfterEach
    void giveUpOnHangingMail() {
        SMTP.releaseHung();
        db.execute("delete from outbox_mail where to_address like 'hang%'");
    }

    @AfterAll
    static void stop() throws Exception {
        SMTP.close();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aPermanentRefusalIsRecordedWithItsReplyCodeAndNeverRetried(CapturedOutput log) throws Exception {
        Api api = newAccount();
        String email = uniqueEmail("reject");
        queueConfirmation(api, email);

        await("the mail is given up on", () -> mail(email).getStatus().equals("failed"));
        Thread.sleep(1500);
        OutboxMailRecord failed = mail(email);
        assertThat(failed.getStatus()).isEqualTo("failed");
        assertThat(failed.getReplyCode()).isEqualTo(550);
        assertThat(failed.getAttempts()).as("no retry after a 5xx").isEqualTo(1);
        assertThat(SMTP.attempts(email)).isEqualTo(1);
        assertThat(failed.getLastError())
                .startsWith("550")
                .contains("Recipient address rejected")
                .doesNotContain(email)
                .doesNotContain("@");
        assertThat(failed.getClaimedBy()).isNull();
        assertThat(log.getAll())
                .contains("failed for good")
                .doesNotContain(email)
                .doesNotContain("/confirm/");

        // The refusal of the recipient is a hard bounce of the address (issue 17).
        JsonNode found = api.get("/v3/contacts?status=all&email=" + email)
                .json()
                .get("contacts")
                .get(0);
        JsonNode address = found.get("email_address");
        assertThat(address.get("delivery_status").asString()).isEqualTo("bounced");
        assertThat(address.get("bounce_reason").asString()).startsWith("5.1.1").doesNotContain("@");
        assertThat(address.get("bounced_at").asString()).isNotBlank();
        assertThat(address.get("permission_to_send").asString())
                .as("a bounce is no opt-out")
                .isEqualTo("pending_confirmation");
        JsonNode bounced = api.get("/v3/contacts?delivery_status=bounced&email=" + email)
                .json()
                .get("contacts");
        assertThat(bounced).hasSize(1);
        assertThat(api.get("/v3/contacts?delivery_status=deliverable&email=" + email)
                        .json()
                        .get("contacts"))
                .isEmpty();
        JsonNode history = api.get("/v3/contacts/" + found.get("contact_id").asString() + "/consent_history")
                .json();
        assertThat(history.toString()).contains("\"channel\":\"bounce\"").contains("5.1.1");
    }

    @Test
    void aTemporaryRefusalIsRetriedWithBackoff() {
        Api api = newAccount();
        String email = uniqueEmail("busy");
        queueConfirmation(api, email);

        await("three attempts", () -> mail(email).getAttempts() >= 3);
        OutboxMailRecord retried = mail(email);
        assertThat(retried.getStatus()).isEqualTo("pending");
        assertThat(retried.getReplyCode()).isEqualTo(451);
        assertThat(retried.getLastError()).startsWith("451").doesNotContain(email);
        assertThat(retried.getNextAttemptAt()).isAfter(retried.getCreatedAt());
        assertThat(SMTP.delivered(email)).isZero();
    }

    @Test
    void aServerThatNeverAnswersTimesOutAndTheMailIsRetried() {
        Api api = newAccount();
        String email = uniqueEmail("hang");
        queueConfirmation(api, email);

        await("the SMTP connection hangs", () -> SMTP.hungConnections() >= 1);
        await("the read timeout ends the attempt", () -> mail(email).getAttempts() >= 1);
        OutboxMailRecord timedOut = mail(email);
        assertThat(timedOut.getStatus()).isEqualTo("pending");
        assertThat(timedOut.getReplyCode()).isNull();
        assertThat(timedOut.getLastError()).containsIgnoringCase("timed out");
    }

    @Test
    void aStuckSendStallsNeitherAnImportNorTheRetentionJobs() {
        Api api = newAccount();
        String stuck = uniqueEmail("hang-stuck");
        queueConfirmation(api, stuck);
        await(
                "the mail worker is stuck on a silent server",
                () -> SMTP.hungConnections() >= 1 && mail(stuck).getClaimedBy() != null);
        String oldKey = "old-" + UUID.randomUUID();
        assertThat(api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account"}""".formatted(uniqueEmail("answer"))), "Idempotency-Key", oldKey)
                        .status())
                .isEqualTo(201);
        db.execute(
                "update idempotency_key set created_at = now() - interval '25 hours' where idempotency_key = ?",
                oldKey);
        Instant stuckSince = Instant.now();

        String list = createList(api, "Imported");
        JsonNode done = awaitCompleted(api, api.post("/v3/activities/contacts_json_import", Api.json("""
                {"import_data": [{"email": "%s"}, {"email": "%s"}], "list_ids": ["%s"]}
                """.formatted(
                        uniqueEmail("imp1"), uniqueEmail("imp2"), list))));
        assertThat(done.get("status").get("person_count").asInt()).isEqualTo(2);
        await(
                "the retention job deletes the old answer",
                () -> db.fetchCount(db.selectFrom("idempotency_key").where("idempotency_key = ?", oldKey)) == 0);

        assertThat(Duration.between(stuckSince, Instant.now()))
                .as("all of it while the send was stuck")
                .isLessThan(Duration.ofSeconds(10));
        assertThat(mail(stuck).getClaimedBy())
                .as("the mail is still being sent")
                .isNotNull();
        assertThat(mail(stuck).getAttempts()).isZero();
    }

    @Test
    void aClaimThatWasNeverRecordedIsSentAfterItExpiresAndOnlyThen() throws Exception {
        Api api = newAccount();
        String expired = uniqueEmail("crashed");
        String held = uniqueEmail("held");
        queueClaimed(api, expired, "now() - interval '1 second'");
        queueClaimed(api, held, "now() + interval '1 hour'");

        await(
                "the mail of the expired claim is sent",
                () -> mail(expired).getStatus().equals("sent"));
        assertThat(SMTP.delivered(expired)).isEqualTo(1);
        Thread.sleep(1500);
        assertThat(SMTP.delivered(held)).as("claimed by a live worker").isZero();
        assertThat(mail(held).getStatus()).isEqualTo("pending");
        assertThat(SMTP.delivered(expired)).isEqualTo(1);
    }

    @Test
    void twoInstancesOnOneDatabaseSendEveryMailExactlyOnce() throws Exception {
        Api api = newAccount();
        settings(api, true);
        String list = createList(api, "Both");
        List<String> addresses = new ArrayList<>();
        try (OtherInstance other = OtherInstance.start(
                dataSource,
                Map.of(
                        "SPRING_MAIL_HOST",
                        "127.0.0.1",
                        "SPRING_MAIL_PORT",
                        String.valueOf(SMTP.port()),
                        "AUDIENCE_MAIL_POLL_INTERVAL",
                        "50ms"))) {
            assertThat(new Api(other.baseUrl(), null).get("/actuator/health").status())
                    .isEqualTo(200);
            for (int i = 0; i < 40; i++) {
                String email = uniqueEmail("twice" + i);
                addresses.add(email);
                assertThat(api.post("/v3/contacts/sign_up_form", Api.json("""
                        {"email_address": "%s", "list_memberships": ["%s"]}""".formatted(email, list)))
                                .status())
                        .isEqualTo(201);
            }
            await(
                    "every mail is sent",
                    () -> addresses.stream().allMatch(a -> mail(a).getStatus().equals("sent")));
            Thread.sleep(1000);
        }
        for (String email : addresses) {
            assertThat(SMTP.delivered(email)).as(email).isEqualTo(1);
            assertThat(mail(email).getAttempts()).isEqualTo(1);
        }
    }

    /** Queues a confirmation mail the ordinary way: a sign-up under confirmed opt-in. */
    private void queueConfirmation(Api api, String email) {
        settings(api, true);
        String list = createList(api, "News " + UUID.randomUUID());
        Api.Response signUp = api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"]}""".formatted(email, list)));
        assertThat(signUp.status()).as(signUp.toString()).isIn(200, 201);
    }

    /** A mail whose claim was taken by a worker that never recorded a result, expiring at {@code until}. */
    private void queueClaimed(Api api, String email, String until) {
        UUID account = UUID.fromString(db.fetchValue(
                        "select account_id::text from contact where contact_id = ?::uuid",
                        createContact(api, email).get("contact_id").asString())
                .toString());
        db.execute("""
                insert into outbox_mail (account_id, mail_id, email_key, kind, from_address, to_address, subject, body,
                    action_url, unsubscribe_url, status, attempts, next_attempt_at, created_at, claimed_by, claimed_until)
                values (?::uuid, gen_random_uuid(), ?, 'test', 'sender@example.com', ?, 'Subject', 'Body',
                    'http://localhost/confirm/x', 'http://localhost/unsubscribe/x', 'pending', 0, now(), now(),
                    gen_random_uuid(), %s)""".formatted(until), account, email, email);
    }

    private OutboxMailRecord mail(String email) {
        return db.selectFrom(OUTBOX_MAIL)
                .where(OUTBOX_MAIL.TO_ADDRESS.eq(email))
                .fetchSingle();
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
