package io.audience.mail;

import static io.audience.db.Tables.OUTBOX_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import io.audience.Mailbox;
import io.audience.db.tables.records.OutboxMailRecord;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SmtpOutageIntegrationTest extends IntegrationTest {

    @Test
    void mailQueuedWhileSmtpIsDownIsSentOnceItComesBackExactlyOnce() throws Exception {
        Api api = newAccount();
        settings(api, true);
        String list = createList(api, "Outage");
        String email = uniqueEmail("outage");
        Mailbox.stop();
        try {
            Api.Response signUp = api.post("/v3/contacts/sign_up_form", Api.json("""
                    {"email_address": "%s", "list_memberships": ["%s"]}
                    """.formatted(email, list)));
            assertThat(signUp.status())
                    .as("a down SMTP server does not fail the request")
                    .isEqualTo(201);

            OutboxMailRecord failing = awaitRow(email, r -> r.getAttempts() >= 2);
            assertThat(failing.getStatus()).isEqualTo("pending");
            assertThat(failing.getLastError()).isNotBlank();
            assertThat(failing.getNextAttemptAt()).isAfter(failing.getCreatedAt());
        } finally {
            Mailbox.restart();
        }

        Mailbox.awaitMail(email, 1, Duration.ofSeconds(20));
        OutboxMailRecord sent = awaitRow(email, r -> "sent".equals(r.getStatus()));
        assertThat(sent.getSentAt()).isNotNull();
        Thread.sleep(1500);
        assertThat(Mailbox.mailTo(email)).as("sent exactly once").hasSize(1);
    }

    private OutboxMailRecord awaitRow(String email, java.util.function.Predicate<OutboxMailRecord> done)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            OutboxMailRecord row = db.selectFrom(OUTBOX_MAIL)
                    .where(OUTBOX_MAIL.TO_ADDRESS.eq(email))
                    .fetchOne();
            if (row != null && done.test(row)) {
                return row;
            }
            assertThat(Instant.now()).as("outbox row for " + email + ": " + row).isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
