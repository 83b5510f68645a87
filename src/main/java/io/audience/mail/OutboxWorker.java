package io.audience.mail;

import io.audience.scheduling.Schedulers;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued mail through SMTP, never inside a database transaction: claim a due mail and
 * commit, send, then record the result in a new short transaction. A 5xx reply ends the mail as
 * failed; other failures retry with exponential backoff.
 */
@Component
class OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    /** Mails one poll sends at most, so one poll never runs for ever. */
    private static final int PER_POLL = 100;

    private final OutboxRepository outbox;
    private final ObjectProvider<JavaMailSender> smtp;
    private final TransactionTemplate transactions;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final Duration claimFor;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ReturnPaths returnPaths;
    private final MailMetrics metrics;

    OutboxWorker(
            OutboxRepository outbox,
            ObjectProvider<JavaMailSender> smtp,
            TransactionTemplate transactions,
            @Value("${audience.mail.first-retry}") Duration firstRetry,
            @Value("${audience.mail.max-retry}") Duration maxRetry,
            @Value("${audience.mail.claim-for}") Duration claimFor,
            Clock clock,
            ApplicationEventPublisher events,
            ReturnPaths returnPaths,
            MailMetrics metrics) {
        this.outbox = outbox;
        this.metrics = metrics;
        this.events = events;
        this.returnPaths = returnPaths;
        this.smtp = smtp;
        this.transactions = transactions;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.claimFor = claimFor;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${audience.mail.poll-interval}", scheduler = Schedulers.MAIL)
    void sendDue() {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null) {
            return;
        }
        UUID claim = UUID.randomUUID();
        for (int i = 0; i < PER_POLL; i++) {
            OffsetDateTime now = now();
            Optional<QueuedMail> claimed = transactions.execute(tx -> outbox.claimNext(now, claim, now.plus(claimFor)));
            if (claimed == null || claimed.isEmpty()) {
                return;
            }
            send(sender, claimed.get(), claim);
        }
    }

    private void send(JavaMailSender sender, QueuedMail mail, UUID claim) {
        try {
            sender.send(message(sender, mail));
        } catch (MailException | MessagingException e) {
            recordFailure(mail, claim, SmtpFailure.of(e));
            return;
        }
        Boolean recorded = transactions.execute(tx -> outbox.markSent(mail, claim, now()));
        metrics.sent(mail.kind());
        if (!Boolean.TRUE.equals(recorded)) {
            log.warn(
                    "Mail {} was sent after its claim expired (the send took longer than audience.mail.claim-for)",
                    mail.mailId());
        }
    }

    private void recordFailure(QueuedMail mail, UUID claim, SmtpFailure failure) {
        OffsetDateTime now = now();
        OffsetDateTime retryAt = failure.permanent() ? null : now.plus(backoff(mail.attempts()));
        String error = failure.replyCode() == null ? failure.reason() : failure.replyCode() + " " + failure.reason();
        transactions.executeWithoutResult(tx -> {
            boolean recorded = outbox.markFailed(mail, claim, failure.replyCode(), error, retryAt, now);
            if (recorded
                    && failure.hardBounce()
                    && new Outbox.Recipient(mail.accountId(), mail.mailId(), mail.emailKey(), mail.kind())
                            .isContactMail()) {
                events.publishEvent(new MailRefused(
                        mail.accountId(), mail.mailId(), mail.emailKey(), failure.status(), error, now));
            }
        });
        metrics.failed(mail.kind(), retryAt == null);
        if (retryAt == null) {
            log.warn(
                    "Sending {} mail {} failed for good (attempt {}): {}",
                    mail.kind(),
                    mail.mailId(),
                    mail.attempts() + 1,
                    error);
        } else {
            log.warn(
                    "Sending {} mail {} failed (attempt {}), retrying at {}: {}",
                    mail.kind(),
                    mail.mailId(),
                    mail.attempts() + 1,
                    retryAt,
                    error);
        }
    }

    Duration backoff(int attemptsSoFar) {
        Duration delay = firstRetry.multipliedBy(1L << Math.min(attemptsSoFar, 20));
        return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private MimeMessage message(JavaMailSender sender, QueuedMail mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        Optional<String> returnPath = returnPaths.of(mail.mailId());
        if (returnPath.isPresent()) {
            // The envelope sender (MAIL FROM), where bounces go; the From the person sees is unchanged.
            SMTPMessage verp = new SMTPMessage(message.getSession());
            verp.setEnvelopeFrom(returnPath.get());
            message = verp;
        }
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(mail.from());
        helper.setTo(mail.to());
        helper.setSubject(mail.subject());
        String html = mail.htmlBody();
        if (html == null) {
            helper.setText(mail.body(), false);
        } else {
            message.setContent(alternative(mail.body(), html));
        }
        // RFC 8058 one-click unsubscribe, which mailbox providers now expect on every bulk sender;
        // mail that is no subscription (a sender address's confirmation) has none.
        if (!mail.unsubscribeUrl().isEmpty()) {
            message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.setHeader("X-Audience-Mail-Id", mail.mailId().toString());
        return message;
    }

    /** multipart/alternative: the text first, the HTML last (a reader shows the last part it can). */
    private static MimeMultipart alternative(String text, String html) throws MessagingException {
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, "UTF-8", "plain");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setText(html, "UTF-8", "html");
        MimeMultipart parts = new MimeMultipart("alternative");
        parts.addBodyPart(textPart);
        parts.addBodyPart(htmlPart);
        return parts;
    }
}
