package io.audience.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued mail through SMTP, retrying with exponential backoff. Each batch is taken with
 * {@code FOR UPDATE SKIP LOCKED}, so several instances never send one mail at the same time.
 */
@Component
class OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    private static final int BATCH = 20;

    private final OutboxRepository outbox;
    private final ObjectProvider<JavaMailSender> smtp;
    private final TransactionTemplate transactions;
    private final Duration firstRetry;
    private final Duration maxRetry;

    OutboxWorker(OutboxRepository outbox, ObjectProvider<JavaMailSender> smtp, TransactionTemplate transactions,
            @Value("${audience.mail.first-retry}") Duration firstRetry,
            @Value("${audience.mail.max-retry}") Duration maxRetry) {
        this.outbox = outbox;
        this.smtp = smtp;
        this.transactions = transactions;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
    }

    @Scheduled(fixedDelayString = "${audience.mail.poll-interval}")
    void sendDue() {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null) {
            return;
        }
        Integer sent;
        do {
            sent = transactions.execute(tx -> sendBatch(sender));
        } while (sent != null && sent == BATCH);
    }

    private int sendBatch(JavaMailSender sender) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<QueuedMail> due = outbox.lockDue(now, BATCH);
        int sent = 0;
        for (QueuedMail mail : due) {
            try {
                sender.send(message(sender, mail));
                outbox.markSent(mail, OffsetDateTime.now(ZoneOffset.UTC));
                sent++;
            } catch (MailException | MessagingException e) {
                OffsetDateTime retryAt = now.plus(backoff(mail.attempts()));
                log.warn("Sending {} mail {} failed (attempt {}), retrying at {}: {}", mail.kind(), mail.mailId(),
                        mail.attempts() + 1, retryAt, e.getMessage());
                outbox.markFailed(mail, String.valueOf(e.getMessage()), retryAt);
            }
        }
        return sent == due.size() ? sent : -1;
    }

    Duration backoff(int attemptsSoFar) {
        Duration delay = firstRetry.multipliedBy(1L << Math.min(attemptsSoFar, 20));
        return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
    }

    private static MimeMessage message(JavaMailSender sender, QueuedMail mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(mail.from());
        helper.setTo(mail.to());
        helper.setSubject(mail.subject());
        helper.setText(mail.body(), false);
        // RFC 8058 one-click unsubscribe, which mailbox providers now expect on every bulk sender.
        message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.setHeader("X-Audience-Mail-Id", mail.mailId().toString());
        return message;
    }
}
